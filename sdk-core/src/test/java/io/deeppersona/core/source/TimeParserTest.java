package io.deeppersona.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeParserTest {
    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void parsesEpochs() {
        assertThat(TimeParser.of("epoch-seconds", ZoneOffset.UTC).parseMillis("1291191960"))
                .isEqualTo(1_291_191_960_000L);
        assertThat(TimeParser.of("epoch-seconds", ZoneOffset.UTC).parseMillis("1.2911919605E9"))
                .isEqualTo(1_291_191_960_500L);
        assertThat(TimeParser.of("epoch-millis", ZoneOffset.UTC).parseMillis("1291191960123"))
                .isEqualTo(1_291_191_960_123L);
    }

    @Test
    void parsesIsoInstantsOffsetsAndLocalTimes() {
        TimeParser london = TimeParser.of("iso", ZoneId.of("Europe/London"));
        assertThat(london.parseMillis("2011-06-01T08:26:00.250Z")).isEqualTo(millis("2011-06-01T08:26:00.250Z"));
        assertThat(london.parseMillis("2011-06-01T10:26:00+02:00")).isEqualTo(millis("2011-06-01T08:26:00Z"));
        assertThat(london.parseMillis("2011-06-01T08:26:00")).isEqualTo(millis("2011-06-01T07:26:00Z"));
    }

    @Test
    void parsesPatternsInTheirZone() {
        TimeParser utc = TimeParser.of("yyyy-MM-dd HH:mm:ss", ZoneOffset.UTC);
        assertThat(utc.parseMillis("2010-12-01 08:26:00")).isEqualTo(millis("2010-12-01T08:26:00Z"));
        assertThat(utc.parseMillis("2010-12-01 08:26:00")).isEqualTo(millis("2010-12-01T08:26:00Z"));
        assertThat(TimeParser.of("dd/MM/yyyy", ZoneOffset.UTC).parseMillis("31/12/2011"))
                .isEqualTo(millis("2011-12-31T00:00:00Z"));
    }

    @Test
    void rejectionSaysWhatWasExpected() {
        TimeParser parser = TimeParser.of("yyyy-MM-dd HH:mm:ss", ZoneOffset.UTC);
        assertThatThrownBy(() -> parser.parseMillis("2011-13-01 08:26:00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot parse '2011-13-01 08:26:00' as time with pattern yyyy-MM-dd HH:mm:ss");
        assertThatThrownBy(() -> parser.parseMillis("2011-02-31 08:26:00"))
                .hasMessageContaining("cannot parse '2011-02-31 08:26:00'");
        assertThatThrownBy(() -> TimeParser.of("epoch-millis", ZoneOffset.UTC).parseMillis("soon"))
                .hasMessage("cannot parse 'soon' as time in epoch milliseconds");
        assertThatThrownBy(() -> TimeParser.of("iso", ZoneOffset.UTC).parseMillis("2011-06-01"))
                .hasMessageContaining("ISO-8601");
    }
}
