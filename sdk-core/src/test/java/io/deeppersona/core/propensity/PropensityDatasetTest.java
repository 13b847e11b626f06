package io.deeppersona.core.propensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.Item;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PropensityDatasetTest {
    private static final Instant CUTOFF = Instant.parse("2024-03-01T00:00:00Z");

    private static EventLog log() {
        return ColumnarEventLog.builder()
                // a: bought before, and exactly at the cutoff: the cutoff purchase is a label, not a feature
                .add("a", "i1", EventType.PURCHASE, CUTOFF.minus(Duration.ofDays(10)).toEpochMilli(), 1, 5)
                .add("a", "i2", EventType.PURCHASE, CUTOFF.toEpochMilli(), 1, 1000)
                // b: bought before, then only after the horizon ends
                .add("b", "i1", EventType.PURCHASE, CUTOFF.minus(Duration.ofDays(40)).toEpochMilli(), 1, 5)
                .add("b", "i1", EventType.PURCHASE, CUTOFF.plus(Duration.ofDays(30)).toEpochMilli(), 1, 5)
                // c: viewed inside the horizon, which does not qualify
                .add("c", "i2", EventType.PURCHASE, CUTOFF.minus(Duration.ofDays(2)).toEpochMilli(), 1, 5)
                .add("c", "i2", EventType.VIEW, CUTOFF.plus(Duration.ofDays(3)).toEpochMilli(), 1, 0)
                // d: first seen after the cutoff: no features, so not in the dataset
                .add("d", "i1", EventType.PURCHASE, CUTOFF.plus(Duration.ofDays(1)).toEpochMilli(), 1, 5)
                .build();
    }

    @Test
    void anEventExactlyAtTheCutoffIsALabelNotAFeature() {
        PropensityDataset dataset = PropensityDataset.builder().events(log()).build(CUTOFF);

        assertThat(dataset.labels()).isEqualTo(Map.of("a", 1f, "b", 0f, "c", 0f));
        FeatureVector a = dataset.features().get("a").orElseThrow();
        // frequency log1p(1): only the purchase before the cutoff; monetary log1p(5), not log1p(1005)
        assertThat(a.numeric("rfm")[1]).isEqualTo((float) Math.log1p(1));
        assertThat(a.numeric("rfm")[2]).isEqualTo((float) Math.log1p(5));
        assertThat(dataset.features().get("d")).isEmpty();
    }

    @Test
    void theHorizonEndIsExclusiveAndOnlyQualifyingTypesCount() {
        PropensityDataset dataset = PropensityDataset.builder().events(log()).build(CUTOFF);
        assertThat(dataset.labels().get("b")).isZero();
        assertThat(dataset.labels().get("c")).isZero();

        PropensityDataset views = PropensityDataset.builder().events(log())
                .qualifying(Set.of(EventType.VIEW)).build(CUTOFF);
        assertThat(views.labels().get("c")).isEqualTo(1f);
        assertThat(views.labels().get("a")).isZero();
    }

    @Test
    void aCategoryLimitsWhichPurchasesCount() {
        Catalogue catalogue = Catalogue.of(List.of(
                new Item("i1", "mug", List.of("kitchen"), 1, Map.of()),
                new Item("i2", "lamp", List.of("home", "lighting"), 1, Map.of())));
        PropensityDataset kitchen = PropensityDataset.builder().events(log()).catalogue(catalogue)
                .category("kitchen").build(CUTOFF);
        assertThat(kitchen.labels().get("a")).isZero();
        PropensityDataset lighting = PropensityDataset.builder().events(log()).catalogue(catalogue)
                .category("lighting").build(CUTOFF);
        assertThat(lighting.labels().get("a")).isEqualTo(1f);
    }

    @Test
    void testSetFeaturesEndAtTheTestCutoffAndShareTheTrainingLayout() {
        Instant testCutoff = CUTOFF.plus(Duration.ofDays(30));
        PropensityDataset.Split split = PropensityDataset.builder().events(log()).build(CUTOFF, testCutoff);

        assertThat(split.train().labels()).isEqualTo(Map.of("a", 1f, "b", 0f, "c", 0f));
        // b's purchase exactly at the test cutoff is its test label; d is now known from its purchase before it
        assertThat(split.test().labels()).containsEntry("b", 1f).containsEntry("d", 0f);
        assertThat(split.test().features().get("b").orElseThrow().numeric("rfm")[1])
                .isEqualTo((float) Math.log1p(1));
        assertThat(split.test().features().schema()).isEqualTo(split.train().features().schema());
    }

    @Test
    void refusesACutoffBeforeAllEvents() {
        assertThatThrownBy(() -> PropensityDataset.builder().events(log()).build(Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no events before cutoff");
    }
}
