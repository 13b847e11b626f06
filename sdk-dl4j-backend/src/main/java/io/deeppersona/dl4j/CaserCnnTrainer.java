package io.deeppersona.dl4j;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.error.TrainingException;
import io.deeppersona.core.eval.GlobalTimeSplit;
import io.deeppersona.core.eval.PerCustomerSplit;
import io.deeppersona.core.eval.RankingEvaluator;
import io.deeppersona.core.eval.RankingOptions;
import io.deeppersona.core.eval.Split;
import io.deeppersona.dl4j.internal.CaserCheckpoint;
import io.deeppersona.dl4j.internal.CaserNetworkFactory;
import io.deeppersona.dl4j.internal.CaserSamples;
import io.deeppersona.dl4j.internal.CaserVocabulary;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.spi.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains {@code caser-cnn}: first on the training data minus a validation cut (its last {@code validationDays} days,
 * or each customer's last {@code validationFraction} of events), scoring the cut with {@link RankingEvaluator}
 * after every epoch and stopping after {@code patience} epochs
 * without improvement; then, with {@code refit}, again from scratch on all the training data for the best epoch
 * count. Without refit the best validated parameters are the model.
 */
final class CaserCnnTrainer implements ModelTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(CaserCnnTrainer.class);
    private static final int PROGRESS_EVERY = 100;
    private final CaserCnnOptions options;
    private final TrainingListener listener;

    CaserCnnTrainer(CaserCnnOptions options, TrainingListener listener) {
        this.options = requireNonNull(options, "options is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** What one training phase produced. */
    private record Phase(ComputationGraph network, int bestEpoch, double bestScore) {
    }

    @Override
    public Model train(TrainingData data) {
        EventLog events = requireNonNull(data, "data is null").events();
        CaserVocabulary vocabulary = CaserVocabulary.of(events);
        try {
            Optional<Split> validation = validationSplit(events);
            Map<String, Double> scores = Map.of();
            ComputationGraph network;
            if (validation.isPresent()) {
                Phase select = phase("select", validation.get().train(), vocabulary, validation.get(),
                        options.maxEpochs());
                scores = Map.of(options.validationMetric(), select.bestScore(), "epochs", (double) select.bestEpoch());
                network = select.network();
                if (options.refit()) {
                    network = phase("refit", events, vocabulary, null, Math.max(1, select.bestEpoch())).network();
                }
            } else {
                network = phase("full", events, vocabulary, null, options.maxEpochs()).network();
            }
            listener.onTrainingEnd(CaserCnnModelProvider.NAME, "items " + (vocabulary.itemCount() - 1)
                    + ", customers " + (vocabulary.customerCount() - 1) + ", validation " + scores);
            return new CaserCnnModel(options, vocabulary, network, scores);
        } catch (TrainingException e) {
            throw e;
        } catch (IOException e) {
            throw new TrainingException("caser-cnn cannot read or write checkpoints in '" + options.checkpointDir()
                    + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new TrainingException("caser-cnn training failed in the DL4J backend: " + e.getMessage(), e);
        }
    }

    private Optional<Split> validationSplit(EventLog events) {
        boolean global = options.validationSplit().equals(CaserCnnOptions.GLOBAL);
        if ((global && options.validationDays() == 0) || events.size() == 0) {
            return Optional.empty();
        }
        Split split = (global ? new GlobalTimeSplit(options.validationDays())
                : new PerCustomerSplit(options.validationFraction(), true)).split(events);
        boolean usable = split.train().size() > 0 && split.test().size() > 0;
        return usable ? Optional.of(split) : Optional.empty();
    }

    private Phase phase(String name, EventLog events, CaserVocabulary vocabulary, Split validation, int epochs)
            throws IOException {
        CaserSamples samples = CaserSamples.of(events, vocabulary, options.sequenceLength(), options.targets(),
                options.windowsPerCustomer(), options.novelTargets(), options.seed());
        String fingerprint = fingerprint(name, events, vocabulary, epochs);
        Optional<CaserCheckpoint> checkpoint = Optional.ofNullable(options.checkpointDir())
                .map(dir -> new CaserCheckpoint(Path.of(dir), name));
        ComputationGraph network;
        INDArray best;
        int start = 0;
        int bestEpoch = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        Optional<CaserCheckpoint.Restored> restored = checkpoint.isPresent()
                ? checkpoint.get().restore(fingerprint) : Optional.empty();
        if (restored.isPresent()) {
            network = restored.get().network();
            best = restored.get().bestParameters();
            start = restored.get().state().epoch();
            bestEpoch = restored.get().state().bestEpoch();
            bestScore = restored.get().state().bestScore();
        } else {
            network = CaserNetworkFactory.create(CaserCnnModel.spec(options, vocabulary));
            best = network.params().dup();
        }
        listener.onTrainingStart(CaserCnnModelProvider.NAME, epochs, samples.size());
        int items = vocabulary.itemCount();
        for (int epoch = start + 1; epoch <= epochs; epoch++) {
            if (validation != null && epoch - bestEpoch > options.patience()) {
                break;
            }
            // Reseeding per epoch makes dropout and order depend only on (seed, epoch), so a resumed run matches.
            Nd4j.getRandom().setSeed(options.seed() * 1_000_003L + epoch);
            int[] order = samples.shuffled(options.seed() * 31L + epoch);
            double lossSum = 0;
            long started = System.nanoTime();
            int batches = 0;
            for (int from = 0; from < order.length; from += options.batchSize()) {
                int to = Math.min(order.length, from + options.batchSize());
                network.fit(samples.batch(order, from, to, items, options.historyInput()));
                double loss = network.score();
                if (!Double.isFinite(loss)) {
                    throw new TrainingException("caser-cnn loss became " + loss + " in epoch " + epoch
                            + "; lower learningRate (now " + options.learningRate() + ")");
                }
                lossSum += loss * (to - from);
                listener.onBatch(CaserCnnModelProvider.NAME, epoch, to, loss);
                if (++batches % PROGRESS_EVERY == 0) {
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    LOG.info("caser-cnn {} epoch {}: {}/{} samples, loss {}, {} samples/s", name, epoch, to,
                            order.length, String.format("%.4f", loss), Math.round(to / Math.max(elapsed, 1e-9)));
                }
            }
            double meanLoss = order.length == 0 ? 0 : lossSum / order.length;
            Map<String, Double> scores = Map.of();
            if (validation != null) {
                double score = validate(network, vocabulary, validation);
                scores = Map.of(options.validationMetric(), score);
                if (score > bestScore) {
                    bestScore = score;
                    bestEpoch = epoch;
                    best = network.params().dup();
                }
            } else {
                bestEpoch = epoch;
                best = network.params();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("caser-cnn {} epoch {}/{}: loss {}, {} {}, {} samples in {} s ({} samples/s)", name, epoch,
                    epochs, String.format("%.4f", meanLoss), options.validationMetric(), scores.isEmpty() ? "-"
                    : String.format("%.4f", scores.get(options.validationMetric())), order.length,
                    String.format("%.1f", seconds), Math.round(order.length / Math.max(seconds, 1e-9)));
            if (checkpoint.isPresent()) {
                checkpoint.get().save(network, best, new CaserCheckpoint.State(fingerprint, epoch, bestEpoch,
                        bestScore, meanLoss));
            }
            listener.onEpochEnd(CaserCnnModelProvider.NAME, epoch, meanLoss, scores);
        }
        if (validation != null) {
            network.setParams(best);
        }
        return new Phase(network, bestEpoch, bestScore);
    }

    private double validate(ComputationGraph network, CaserVocabulary vocabulary, Split validation) {
        // One thread: the temporary model scores with the training network itself, which is not thread-safe.
        RankingEvaluator evaluator = new RankingEvaluator(new RankingOptions(options.validationK(), true, 1));
        CaserCnnModel model = new CaserCnnModel(options, vocabulary, network, Map.of());
        return evaluator.evaluate(model, validation).metric(options.validationMetric());
    }

    private String fingerprint(String phase, EventLog events, CaserVocabulary vocabulary, int epochs) {
        StringBuilder text = new StringBuilder(phase).append('|').append(options.hyperparameters())
                .append('|').append(epochs).append('|').append(events.size()).append('|')
                .append(vocabulary.itemCount()).append('|').append(vocabulary.customerCount());
        if (events.size() > 0) {
            text.append('|').append(events.timestampMillis(0)).append('|')
                    .append(events.timestampMillis(events.size() - 1));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
