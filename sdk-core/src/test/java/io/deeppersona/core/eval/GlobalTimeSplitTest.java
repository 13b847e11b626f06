package io.deeppersona.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import org.junit.jupiter.api.Test;

class GlobalTimeSplitTest {
    @Test
    void eventsAtOrAfterTheCutoffAreTest() {
        // max is day 40; with 10 test days the cut-off is day 30 exactly, which is test.
        EventLog log = EvalLogs.of("a x 1", "a y 29", "a z 30", "b x 35", "b y 40", "c z 29:23");
        Split split = new GlobalTimeSplit(10).split(log);
        assertThat(EvalLogs.rows(split.train())).isEqualTo("a x, a y, c z");
        assertThat(EvalLogs.rows(split.test())).isEqualTo("a z, b x, b y");
    }

    @Test
    void keepsTheDictionariesOfTheLog() {
        EventLog log = EvalLogs.of("a x 1", "b y 40");
        Split split = new GlobalTimeSplit(10).split(log);
        assertThat(split.train().itemIndex("y")).isEqualTo(log.itemIndex("y"));
    }

    @Test
    void rejectsNonPositiveDays() {
        assertThatThrownBy(() -> new GlobalTimeSplit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("testDays must be >= 1, got 0");
    }
}
