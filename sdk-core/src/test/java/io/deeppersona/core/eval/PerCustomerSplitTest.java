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
        assertThat(EvalLogs.rows(new PerCustomerSplit(0.2, false).split(log).test())).isEqualTo("a i5, c i9, c i10");
        assertThat(split.train().size()).isEqualTo(log.size() - 3);
    }

    @Test
    void splitsEqualTimestampsByLogOrder() {
        EventLog log = EvalLogs.of("a x 1", "a y 2", "a z 2", "a w 2", "a v 3");
        Split split = new PerCustomerSplit(0.4, false).split(log);
        // Rows at day 2 are in the log's canonical item order; the last of them and v (day 3) are test.
        int lastOfDayTwo = 3;
        String expected = "a " + log.itemId(log.item(lastOfDayTwo)) + ", a v";
        assertThat(EvalLogs.rows(split.test())).isEqualTo(expected);
        assertThat(log.itemId(log.item(lastOfDayTwo))).isIn("y", "z", "w");
    }

    @Test
    void keepsBasketsWholeAndPicksTheClosestBoundary() {
        // 7 rows, t = floor(0.4 * 7) = 2: whole-basket suffixes have 1 (v) or 4 (w y z v) rows; 1 is closer.
        EventLog log = EvalLogs.of("a x 1", "a u 1", "a y 2", "a z 2", "a w 2", "a v 3", "b x 1", "b y 2",
                "b z 2", "b w 3", "b v 3");
        Split split = new PerCustomerSplit(0.4).split(log);
        // b: 5 rows, t = 2: the last basket (w, v at day 3) is exactly 2 rows.
        assertThat(EvalLogs.rows(split.test()).split(", ")).containsExactlyInAnyOrder("a v", "b w", "b v");
    }

    @Test
    void neverHoldsOutACustomersWholeHistory() {
        EventLog log = EvalLogs.of("a x 1", "a y 1", "a z 1", "b x 1", "b y 2", "b z 2", "b w 2");
        Split split = new PerCustomerSplit(0.5).split(log);
        // a is one basket: nothing can be held out. b: t = 2, the only suffix is the 3-row basket.
        assertThat(EvalLogs.rows(split.test()).split(", ")).containsExactlyInAnyOrder("b y", "b z", "b w");
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
