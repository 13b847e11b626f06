package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.buy;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static io.deeppersona.core.preprocess.TestLogs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.PreprocessResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinCountTest {
    // Item a: 3 events, b: 2, c: 1. Customer c1: 3 events, c2: 2, c3: 1.
    private final EventLog training = log(buy("c1", "a", 0), buy("c1", "b", 1), buy("c1", "c", 2),
            buy("c2", "a", 0), buy("c2", "b", 1), buy("c3", "a", 0));

    @Test
    void learnsFromTrainingAndDropsOtherIdsElsewhere() {
        MinCount step = new MinCount(new MinCountOptions(2, 2, false));
        FittedMinCount fitted = step.fit(training);
        EventLog later = log(buy("c1", "a", 10), buy("c1", "c", 11), buy("c1", "new", 12), buy("c3", "a", 10),
                buy("c9", "b", 10));

        PreprocessResult result = fitted.apply(later);

        assertThat(step.learnsFromData()).isTrue();
        assertThat(fitted.keptItemIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(fitted.keptCustomerIds()).containsExactlyInAnyOrder("c1", "c2");
        assertThat(rows(result.events())).containsExactly("c1 a 10");
        assertThat(result.dropped()).containsExactly(Map.entry("rare-item", 2L), Map.entry("rare-customer", 2L));
        assertThat(fitted.toString()).doesNotContain("c1");
    }

    @Test
    void defaultKeepsItemsWithFiveEventsAndEveryCustomer() {
        EventLog later = log(buy("new-customer", "a", 0));
        FittedMinCount fitted = new MinCount(MinCountOptions.defaults()).fit(training);

        assertThat(fitted.apply(training).dropped()).containsExactly(Map.entry("rare-item", 6L),
                Map.entry("rare-customer", 0L));
        assertThat(new MinCount(new MinCountOptions(1, null, null)).fit(training).apply(later).events().size())
                .isEqualTo(1);
    }

    @Test
    void kCoreRepeatsUntilStable() {
        // Dropping item c leaves c1 with 2 events; with minimum 3 c1 goes, then a and b fall below 3, and so on.
        MinCountOptions once = new MinCountOptions(2, 3, false);
        MinCountOptions core = new MinCountOptions(2, 3, true);

        assertThat(rows(new MinCount(once).fit(training).apply(training).events()))
                .containsExactly("c1 a 0", "c1 b 1");
        assertThat(new MinCount(core).fit(training).apply(training).events().size()).isZero();
    }

    @Test
    void kCoreKeepsADenseCore() {
        EventLog dense = log(buy("c1", "a", 0), buy("c1", "b", 1), buy("c2", "a", 0), buy("c2", "b", 1),
                buy("c3", "a", 0), buy("c3", "z", 1));

        FittedMinCount fitted = new MinCount(new MinCountOptions(2, 2, true)).fit(dense);

        assertThat(rows(fitted.apply(dense).events())).containsExactly("c1 a 0", "c1 b 1", "c2 a 0", "c2 b 1");
    }

    @Test
    void rejectsNegativeThreshold() {
        assertThatThrownBy(() -> new MinCountProvider().create(Map.of("minItemEvents", -1),
                DefaultProviderContext.create())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("minItemEvents");
    }
}
