package io.deeppersona.core.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnarEventLogWithAttributeTest {
    private final ColumnarEventLog log = ColumnarEventLog.builder()
            .add(new CustomerEvent("c1", "a", EventType.VIEW, Instant.EPOCH, 1, 1, Map.of("Country", "UK")))
            .add(new CustomerEvent("c2", "b", EventType.VIEW, Instant.EPOCH, 1, 1, Map.of()))
            .build();

    @Test
    void appendsANewColumn() {
        ColumnarEventLog out = log.withAttribute("session", new String[] {"1", null});

        assertThat(out.attributeNames()).containsExactly("Country", "session");
        assertThat(out.attribute(0, 1)).isEqualTo("1");
        assertThat(out.attribute(1, 1)).isNull();
        assertThat(out.attribute(0, 0)).isEqualTo("UK");
        assertThat(log.attributeNames()).containsExactly("Country");
    }

    @Test
    void replacesAnExistingColumnInPlace() {
        ColumnarEventLog out = log.withAttribute("Country", new String[] {"FR", "DE"});

        assertThat(out.attributeNames()).containsExactly("Country");
        assertThat(out.event(1).attributes()).containsEntry("Country", "DE");
        assertThat(log.event(1).attributes()).isEmpty();
        assertThat(out.filter(bits(1)).event(0).attributes()).containsEntry("Country", "DE");
    }

    @Test
    void rejectsWrongLength() {
        assertThatThrownBy(() -> log.withAttribute("x", new String[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 2 values");
    }

    private static java.util.BitSet bits(int row) {
        java.util.BitSet bits = new java.util.BitSet();
        bits.set(row);
        return bits;
    }
}
