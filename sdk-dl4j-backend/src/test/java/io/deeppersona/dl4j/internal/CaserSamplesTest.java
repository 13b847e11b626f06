package io.deeppersona.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.api.EventLogBuilder;
import org.junit.jupiter.api.Test;

class CaserSamplesTest {
    private static EventLog log() {
        EventLogBuilder builder = ColumnarEventLog.builder();
        String[] history = {"a", "b", "c", "d"};
        for (int i = 0; i < history.length; i++) {
            builder.add("alice", history[i], EventType.PURCHASE, 1_000L * (i + 1), 1f, 1f);
        }
        builder.add("bob", "a", EventType.PURCHASE, 1_000L, 1f, 1f);
        return builder.build();
    }

    @Test
    void slidingWindowsAreLeftPaddedAndPredictTheNextItems() {
        EventLog log = log();
        CaserVocabulary vocabulary = CaserVocabulary.of(log);
        int a = vocabulary.itemIndex().get("a");
        int b = vocabulary.itemIndex().get("b");
        int c = vocabulary.itemIndex().get("c");
        int d = vocabulary.itemIndex().get("d");
        CaserSamples samples = CaserSamples.of(log, vocabulary, 2, 2, 1);

        // bob has one event: nothing to predict. alice: a->b, ab->c, bc->d.
        assertThat(samples.size()).isEqualTo(3);
        assertThat(samples.sequence(0)).containsExactly(0, a);
        assertThat(samples.targets(0)).containsExactly(b, c);
        assertThat(samples.sequence(1)).containsExactly(a, b);
        assertThat(samples.targets(1)).containsExactly(c, d);
        assertThat(samples.sequence(2)).containsExactly(b, c);
        assertThat(samples.targets(2)).containsExactly(d, 0);
    }

    @Test
    void windowsStopBeforeTheTargetsBasket() {
        EventLogBuilder builder = ColumnarEventLog.builder();
        builder.add("alice", "a", EventType.PURCHASE, 1_000L, 1f, 1f);
        // One basket: b, c and d at the same instant.
        for (String item : new String[] {"b", "c", "d"}) {
            builder.add("alice", item, EventType.PURCHASE, 2_000L, 1f, 1f);
        }
        builder.add("alice", "e", EventType.PURCHASE, 3_000L, 1f, 1f);
        EventLog log = builder.build();
        CaserVocabulary vocabulary = CaserVocabulary.of(log);
        int a = vocabulary.itemIndex().get("a");
        int e = vocabulary.itemIndex().get("e");

        CaserSamples samples = CaserSamples.of(log, vocabulary, 2, 1, 1);

        // Each of b, c, d is predicted from a alone (never from a basket mate); e from the whole basket.
        assertThat(samples.size()).isEqualTo(4);
        for (int i = 0; i < 3; i++) {
            assertThat(samples.sequence(i)).containsExactly(0, a);
        }
        assertThat(samples.targets(3)).containsExactly(e);
        assertThat(samples.sequence(3)).doesNotContain(0, a);
    }

    @Test
    void vocabularyReservesRowZeroAndCountsDistinctCustomers() {
        CaserVocabulary vocabulary = CaserVocabulary.of(log());
        assertThat(vocabulary.itemIds()).hasSize(5).first().isEqualTo("");
        assertThat(vocabulary.customerIds()).hasSize(3).first().isEqualTo("");
        assertThat(vocabulary.popularity()[vocabulary.itemIndex().get("a")]).isEqualTo(2);
        assertThat(vocabulary.popularity()[0]).isZero();
    }

    @Test
    void shuffleDependsOnlyOnTheSeed() {
        EventLog log = log();
        CaserSamples samples = CaserSamples.of(log, CaserVocabulary.of(log), 2, 1, 1);
        assertThat(samples.shuffled(5)).isEqualTo(samples.shuffled(5)).containsExactlyInAnyOrder(0, 1, 2);
    }
}
