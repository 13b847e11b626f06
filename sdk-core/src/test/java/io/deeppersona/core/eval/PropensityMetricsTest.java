package io.deeppersona.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PropensityMetricsTest {
    @Test
    void aucIsTheShareOfCorrectlyOrderedPairs() {
        // Pairs (positive, negative): (0.35,0.1) yes, (0.35,0.4) no, (0.8,0.1) yes, (0.8,0.4) yes -> 3/4.
        assertThat(PropensityMetrics.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aucCountsTiesAsHalf() {
        // Positive 0.5 ties both negatives (2 x 0.5), positive 0.9 beats both (2 x 1): 3 of 4 pairs.
        assertThat(PropensityMetrics.auc(new double[] {0.5, 0.5, 0.5, 0.9}, new boolean[] {true, false, false, true}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(PropensityMetrics.auc(new double[] {1, 1, 1}, new boolean[] {true, false, true}))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aucNeedsBothOutcomes() {
        assertThatThrownBy(() -> PropensityMetrics.auc(new double[] {0.1, 0.2}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 positives and 0 negatives");
    }

    @Test
    void logLossIsTheMeanCrossEntropy() {
        // -(ln 0.9 + ln 0.8) / 2 = (0.1053605 + 0.2231436) / 2
        assertThat(PropensityMetrics.logLoss(new double[] {0.9, 0.2}, new boolean[] {true, false}))
                .isCloseTo(0.1642520, within(1e-7));
    }

    @Test
    void logLossClipsCertainMistakes() {
        assertThat(PropensityMetrics.logLoss(new double[] {0.0}, new boolean[] {true}))
                .isCloseTo(-Math.log(1e-15), within(1e-9))
                .isCloseTo(34.538776, within(1e-6));
    }

    @Test
    void logLossRejectsNonProbabilities() {
        assertThatThrownBy(() -> PropensityMetrics.logLoss(new double[] {1.5}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1.5");
    }

    @Test
    void liftComparesTheTopPositiveRateWithTheBaseRate() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05};
        boolean[] labels = {true, false, false, false, false, true, false, false, false, false};
        // Top 20% = 2 customers with 1 positive: rate 0.5; base rate 2/10 -> lift 2.5.
        assertThat(PropensityMetrics.lift(scores, labels, 0.2)).isCloseTo(2.5, within(1e-12));
        // Top 10% = 1 customer, a positive: 1 / 0.2 = 5.
        assertThat(PropensityMetrics.lift(scores, labels, 0.1)).isCloseTo(5.0, within(1e-12));
        assertThat(PropensityMetrics.lift(scores, labels, 1.0)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void liftRoundsTheTopCountUpAndBreaksTiesByInputOrder() {
        double[] scores = {0.5, 0.5, 0.5};
        boolean[] labels = {false, true, false};
        // ceil(0.5 * 3) = 2: the first two in input order, one positive: (1/2) / (1/3) = 1.5.
        assertThat(PropensityMetrics.lift(scores, labels, 0.5)).isCloseTo(1.5, within(1e-12));
    }
}
