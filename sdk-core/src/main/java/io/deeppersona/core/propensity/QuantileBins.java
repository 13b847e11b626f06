package io.deeppersona.core.propensity;

import java.util.Arrays;

/**
 * Quantile cut points learned from training values: {@code bin(x)} is the number of cut points strictly below
 * or equal to {@code x}, in {@code 0..bins-1}. Repeated cut points (heavy ties) simply leave some bins empty.
 * Public for the DL4J models, which bin the same way.
 *
 * @param cuts ascending cut points, {@code bins - 1} of them
 */
public record QuantileBins(double[] cuts) {
    public QuantileBins {
        cuts = cuts.clone();
    }

    /** Learns {@code bins - 1} cut points at the quantiles {@code k / bins} of {@code values}. */
    public static QuantileBins learn(double[] values, int bins) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot learn quantile bins from no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[bins - 1];
        for (int k = 1; k < bins; k++) {
            cuts[k - 1] = sorted[Math.min(sorted.length - 1, (int) Math.floor((double) k * sorted.length / bins))];
        }
        return new QuantileBins(cuts);
    }

    /** Returns the bin of {@code value}, {@code 0..cuts.length}. */
    public int bin(double value) {
        int bin = 0;
        while (bin < cuts.length && value >= cuts[bin]) {
            bin++;
        }
        return bin;
    }

    @Override
    public double[] cuts() {
        return cuts.clone();
    }
}
