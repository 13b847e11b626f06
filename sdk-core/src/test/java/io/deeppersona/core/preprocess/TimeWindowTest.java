package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.buy;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static io.deeppersona.core.preprocess.TestLogs.minute;
import static io.deeppersona.core.preprocess.TestLogs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
    private static final int DAY = 24 * 60;
    private final EventLog log = log(buy("c1", "a", 0), buy("c1", "b", DAY), buy("c1", "c", 2 * DAY),
            buy("c2", "a", 3 * DAY), buy("c2", "b", 4 * DAY));

    @Test
    void fixedWindowIncludesFromAndExcludesTo() {
        TimeWindow step = new TimeWindow(new TimeWindowOptions(minute(DAY), minute(3 * DAY), null));

        PreprocessResult result = step.fit(log).apply(log);

        assertThat(step.learnsFromData()).isFalse();
        assertThat(rows(result.events())).containsExactly("c1 b 1440", "c1 c 2880");
        assertThat(result.dropped()).containsExactly(Map.entry("outside-time-window", 3L));
    }

    @Test
    void lastDaysCountsBackFromTheLatestTrainingEventAndLeavesTheEndOpen() {
        Preprocessor step = new TimeWindowProvider().create(Map.of("lastDays", 2), DefaultProviderContext.create());
        EventLog training = log(buy("c1", "a", 0), buy("c1", "b", DAY), buy("c1", "c", 2 * DAY),
                buy("c1", "d", 3 * DAY));
        EventLog later = log(buy("c1", "x", 0), buy("c1", "y", 5 * DAY));

        assertThat(step.learnsFromData()).isTrue();
        assertThat(rows(step.fit(training).apply(training).events()))
                .containsExactly("c1 b 1440", "c1 c 2880", "c1 d 4320");
        assertThat(rows(step.fit(training).apply(later).events())).containsExactly("c1 y 7200");
    }

    @Test
    void bindsIsoInstantsAndRejectsMixedOrInvertedBounds() {
        TimeWindowProvider provider = new TimeWindowProvider();
        DefaultProviderContext context = DefaultProviderContext.create();

        assertThat(provider.create(Map.of("from", "2011-01-02T00:00:00Z"), context).fit(log).apply(log)
                .events().size()).isEqualTo(4);
        assertThatThrownBy(() -> provider.create(Map.of("from", "2011-01-02T00:00:00Z", "lastDays", 3), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lastDays");
        assertThatThrownBy(() -> provider.create(
                Map.of("from", "2011-01-02T00:00:00Z", "to", "2011-01-01T00:00:00Z"), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not before");
        assertThatThrownBy(() -> provider.create(Map.of("from", "yesterday"), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("from");
    }
}
