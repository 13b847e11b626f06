package io.deeppersona.core.source;

import io.deeppersona.api.error.ConfigurationException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Turns a time column's text into epoch milliseconds for one {@link ColumnMapping#timeFormat()}.
 *
 * <p>Not thread-safe: it remembers the last text and its result, because event files list the lines of one
 * order or session together and so repeat the same time many times in a row; that makes pattern parsing, the
 * costly part of reading a row, rare.
 */
final class TimeParser {
    private enum Kind { EPOCH_SECONDS, EPOCH_MILLIS, ISO, PATTERN }

    private final Kind kind;
    private final String format;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;
    private String lastText;
    private long lastMillis;

    private TimeParser(Kind kind, String format, DateTimeFormatter formatter, ZoneId zone) {
        this.kind = kind;
        this.format = format;
        this.formatter = formatter;
        this.zone = zone;
    }

    /**
     * Returns a parser for {@code format} in {@code zone}.
     *
     * @throws ConfigurationException if the format is neither a known name nor a valid pattern
     */
    static TimeParser of(String format, ZoneId zone) {
        switch (format) {
            case ColumnMapping.EPOCH_SECONDS:
                return new TimeParser(Kind.EPOCH_SECONDS, format, null, zone);
            case ColumnMapping.EPOCH_MILLIS:
                return new TimeParser(Kind.EPOCH_MILLIS, format, null, zone);
            case ColumnMapping.ISO:
                return new TimeParser(Kind.ISO, format, DateTimeFormatter.ISO_DATE_TIME, zone);
            default:
                try {
                    // STRICT rejects 2011-02-31 instead of clamping it to the 28th; STRICT needs 'u' (proleptic
                    // year) where users write 'y' (year of era), or every date fails for want of an era.
                    DateTimeFormatter pattern = DateTimeFormatter.ofPattern(yearOfEraToYear(format), Locale.ROOT)
                            .withResolverStyle(ResolverStyle.STRICT);
                    return new TimeParser(Kind.PATTERN, format, pattern, zone);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("Option 'timeFormat' is '" + format + "', which is not "
                            + "epoch-seconds, epoch-millis, iso or a valid DateTimeFormatter pattern ("
                            + e.getMessage() + "); expected e.g. 'yyyy-MM-dd HH:mm:ss'");
                }
        }
    }

    /**
     * Returns the time as epoch milliseconds.
     *
     * @throws IllegalArgumentException with a reason naming the text and the expected format
     */
    long parseMillis(String text) {
        if (text.equals(lastText)) {
            return lastMillis;
        }
        long millis;
        try {
            millis = switch (kind) {
                case EPOCH_SECONDS -> epoch(text, 1000);
                case EPOCH_MILLIS -> epoch(text, 1);
                case ISO, PATTERN -> toMillis(formatter.parse(text));
            };
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot parse '" + text + "' as time " + expected());
        }
        lastText = text;
        lastMillis = millis;
        return millis;
    }

    private String expected() {
        return switch (kind) {
            case EPOCH_SECONDS -> "in epoch seconds";
            case EPOCH_MILLIS -> "in epoch milliseconds";
            case ISO -> "in ISO-8601 (e.g. 2011-12-01T08:26:00Z or 2011-12-01T08:26:00)";
            case PATTERN -> "with pattern " + format;
        };
    }

    private static long epoch(String text, long millisPerUnit) {
        String trimmed = text.strip();
        try {
            return Math.multiplyExact(Long.parseLong(trimmed), millisPerUnit);
        } catch (NumberFormatException e) {
            // Numeric JSON and SQL columns may render epochs as 1.29119196E9 or with a fraction.
            double units = Double.parseDouble(trimmed);
            double millis = units * millisPerUnit;
            if (!Double.isFinite(millis) || Math.abs(millis) > Long.MAX_VALUE / 2.0) {
                throw new NumberFormatException(trimmed);
            }
            return Math.round(millis);
        }
    }

    private long toMillis(TemporalAccessor parsed) {
        if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
            return parsed.getLong(ChronoField.INSTANT_SECONDS) * 1000 + parsed.get(ChronoField.MILLI_OF_SECOND);
        }
        if (parsed.isSupported(ChronoField.NANO_OF_DAY)) {
            return LocalDateTime.from(parsed).atZone(zone).toInstant().toEpochMilli();
        }
        return LocalDate.from(parsed).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static String yearOfEraToYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }
}
