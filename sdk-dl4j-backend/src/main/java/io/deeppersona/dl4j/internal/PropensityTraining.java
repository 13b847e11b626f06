package io.deeppersona.dl4j.internal;

import io.deeppersona.api.error.TrainingException;
import io.deeppersona.core.eval.PropensityMetrics;
import io.deeppersona.spi.TrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop shared by the propensity CNNs: a seeded, stratified hold-out of the training customers,
 * shuffled mini-batch epochs, validation log loss and AUC after each epoch, early stopping when the log loss has
 * not improved for {@code patience} epochs, and the best epoch's weights restored at the end.
 */
public final class PropensityTraining {
    /** What training ended with. */
    public record Outcome(int bestEpoch, int epochsRun, Map<String, Double> validation, String summary) {
    }

    private PropensityTraining() {
    }

    public static Outcome run(String model, PropensityNetwork network, float[] labels, int epochs, int batchSize,
            double validationFraction, int patience, long seed, TrainingListener listener) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        split(labels, validationFraction, random, train, validation);
        boolean[] validationOutcomes = new boolean[validation.size()];
        int[] validationRows = new int[validation.size()];
        int positives = 0;
        for (int i = 0; i < validationRows.length; i++) {
            validationRows[i] = validation.get(i);
            validationOutcomes[i] = labels[validationRows[i]] == 1f;
            positives += validationOutcomes[i] ? 1 : 0;
        }
        boolean validated = positives > 0 && positives < validationRows.length;
        listener.onTrainingStart(model, epochs, train.size());
        double bestLoss = Double.POSITIVE_INFINITY;
        INDArray bestParameters = null;
        int bestEpoch = 0;
        Map<String, Double> bestScores = Map.of();
        int epoch = 0;
        String reason = "ran all " + epochs + " epochs";
        while (epoch < epochs) {
            epoch++;
            Collections.shuffle(train, random);
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from < train.size(); from += batchSize) {
                int to = Math.min(train.size(), from + batchSize);
                int[] batch = new int[to - from];
                for (int i = from; i < to; i++) {
                    batch[i - from] = train.get(i);
                }
                double loss = network.fit(batch);
                if (!Double.isFinite(loss)) {
                    throw new TrainingException("Model '" + model + "' diverged in epoch " + epoch + " (loss " + loss
                            + "); lower option 'learningRate'");
                }
                lossSum += loss;
                batches++;
                listener.onBatch(model, epoch, to, loss);
            }
            double meanLoss = lossSum / Math.max(1, batches);
            if (!validated) {
                listener.onEpochEnd(model, epoch, meanLoss, Map.of());
                bestEpoch = epoch;
                continue;
            }
            double[] scores = network.predict(validationRows);
            double logLoss = PropensityMetrics.logLoss(scores, validationOutcomes);
            Map<String, Double> current = Map.of("logloss", logLoss, "auc",
                    PropensityMetrics.auc(scores, validationOutcomes));
            listener.onEpochEnd(model, epoch, meanLoss, current);
            if (logLoss < bestLoss - 1e-6) {
                bestLoss = logLoss;
                bestEpoch = epoch;
                bestScores = current;
                bestParameters = network.parameters();
            } else if (epoch - bestEpoch >= patience) {
                reason = "early stop: no validation logloss gain for " + patience + " epochs";
                break;
            }
        }
        if (bestParameters != null) {
            network.parameters(bestParameters);
        }
        String summary = reason + "; best epoch " + bestEpoch + (validated ? " " + bestScores : " (not validated)");
        listener.onTrainingEnd(model, summary);
        return new Outcome(bestEpoch, epoch, bestScores, summary);
    }

    /** A stratified hold-out, so that a rare outcome still reaches the validation rows. */
    private static void split(float[] labels, double fraction, Random random, List<Integer> train,
            List<Integer> validation) {
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (labels[i] == 1f ? positives : negatives).add(i);
        }
        for (List<Integer> stratum : List.of(positives, negatives)) {
            Collections.shuffle(stratum, random);
            int held = fraction <= 0 ? 0 : (int) Math.round(stratum.size() * fraction);
            validation.addAll(stratum.subList(0, held));
            train.addAll(stratum.subList(held, stratum.size()));
        }
        Collections.sort(train);
        Collections.sort(validation);
    }
}
