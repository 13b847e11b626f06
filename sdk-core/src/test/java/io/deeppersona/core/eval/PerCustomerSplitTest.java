package io.deeppersona.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import org.junit.jupiter.api.Test;

class PerCustomerSplitTest {
    @Test
    void holdsOutTheFlooredLastFractionOfEachCustomer() {
        EventLog log = EvalLogs.of(
                "a i1 1", "a i2 2", "a i3 3", "a i4 4", "a i5 5",   // 5 rows -> floor(1.0) = 1 test row
                "b i1 1", "b i2 2", "b i3 3", "b i4 4",             // 4 rows -> floor(0.8) = 0
                "c i1 1", "c i2 2", "c i3 3", "c i4 4", "c i5 5", "c i6 6", "c i7 7", "c i8 8", "c i9 9",
                "c i10 10");                                       // 10 rows -> 2
        Split split = new PerCustomerSplit(0.2).split(log);
        assertThat(EvalLogs.rows(split.test())).isEqualTo("a i5, c i9, c i10");
        assertThat(split.train().size()).isEqualTo(log.size() - 3);
    }

    @Test
    void splitsEqualTimestampsByLogOrder() {
        EventLog log = EvalLogs.of("a x 1", "a y 2", "a z 2", "a w 2", "a v 3");
        Split split = new PerCustomerSplit(0.4).split(log);
        // Rows at day 2 are ordered by item id (w, y, z); the last two rows (z at day 2, v) are test.
        assertThat(EvalLogs.rows(split.test())).isEqualTo("a z, a v");
    }

    @Test
    void floorsWithoutFloatingPointSurprises() {
        assertThat(new PerCustomerSplit(0.29).testCount(100)).isEqualTo(29);
        assertThat(new PerCustomerSplit(0.2).testCount(4)).isZero();
        assertThat(new PerCustomerSplit(0.5).testCount(3)).isEqualTo(1);
    }

    @Test
    void rejectsFractionsOutsideTheOpenUnitInterval() {
        assertThatThrownBy(() -> new PerCustomerSplit(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1), got 1.0");
    }
}
