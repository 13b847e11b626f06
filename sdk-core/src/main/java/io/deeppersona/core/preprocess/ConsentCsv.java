package io.deeppersona.core.preprocess;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.api.error.ErrorCode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a consent file: CSV with header {@code customer_id,purpose,granted}, one decision per line. Rows for other
 * purposes are skipped; when a customer has several rows for the purpose, the last wins (files are appended to as
 * customers change their minds). {@code granted} is {@code true/false}, {@code yes/no} or {@code 1/0}, any case.
 */
final class ConsentCsv {
    private static final CsvMapper CSV = new CsvMapper();
    private static final List<String> COLUMNS = List.of("customer_id", "purpose", "granted");

    private ConsentCsv() {
    }

    /**
     * Returns customer id to whether consent for {@code purpose} is granted.
     *
     * @throws DataSourceException if the file cannot be read or a line is invalid (the message names the line)
     */
    static Map<String, Boolean> read(Path path, String purpose) {
        Map<String, Boolean> granted = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            while (rows.hasNextValue()) {
                // Read before nextValue(): afterwards the parser already stands on the following line.
                long line = location(rows);
                Map<String, String> row = rows.nextValue();
                for (String column : COLUMNS) {
                    if (!row.containsKey(column)) {
                        throw invalid(path, line, "has no column '" + column + "'; expected header "
                                + String.join(",", COLUMNS) + ", got " + row.keySet());
                    }
                }
                if (!purpose.equals(row.get("purpose").strip())) {
                    continue;
                }
                String customerId = row.get("customer_id").strip();
                if (customerId.isEmpty()) {
                    throw invalid(path, line, "has an empty customer_id");
                }
                granted.put(customerId, parseGranted(row.get("granted"), path, line));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataSourceException data) {
                throw data;
            }
            throw new DataSourceException("Cannot read consent file " + path + ": " + e.getMessage(), e);
        }
        return granted;
    }

    private static long location(MappingIterator<?> rows) {
        JsonLocation location = rows.getCurrentLocation();
        return location == null ? -1 : location.getLineNr();
    }

    private static boolean parseGranted(String text, Path path, long line) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw invalid(path, line, "has granted '" + text + "'; expected true/false, yes/no or 1/0");
        };
    }

    private static DataSourceException invalid(Path path, long line, String problem) {
        // The message names the line, never the customer id: consent files are personal data.
        return new DataSourceException(ErrorCode.DATA_INVALID, "Consent file " + path + " line " + line + " "
                + problem, null);
    }
}
