package io.deeppersona.benchmarks;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.eval.PropensityMetrics;
import io.deeppersona.core.propensity.PropensityDataset;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.spi.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains propensity models on a training set, scores a test set and prints one line per run and a markdown table
 * of mean and spread (max - min) per model over seeds.
 */
final class PropensityResults {
    /** One trained-and-scored run. */
    record Run(String model, long seed, double auc, double logLoss, double lift10, double trainSeconds,
            Map<String, Double> validation) {
    }

    private final List<Run> runs = new ArrayList<>();

    Run run(String label, ModelProvider provider, Map<String, Object> options, long seed,
            PropensityDataset train, PropensityDataset test, TrainingData base) {
        TrainingData data = new TrainingData(base.events(), base.catalogue(), train.features(), train.labels());
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochEnd(String model, int epoch, double loss, Map<String, Double> validation) {
                System.out.printf("    %s epoch %d loss %.4f validation %s%n", label, epoch, loss, validation);
            }

            @Override
            public void onTrainingEnd(String model, String summary) {
                System.out.printf("    %s: %s%n", label, summary);
            }
        };
        DefaultProviderContext context = DefaultProviderContext.create().withTrainingListener(listener);
        long start = System.nanoTime();
        try (Model model = provider.newTrainer(options, context).train(data)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            List<FeatureVector> rows = test.features().rows();
            double[] scores = model.propensities(rows);
            boolean[] outcomes = test.outcomes();
            Run run = new Run(label, seed, PropensityMetrics.auc(scores, outcomes),
                    PropensityMetrics.logLoss(scores, outcomes), PropensityMetrics.lift(scores, outcomes, 0.1),
                    seconds, model.info().validationScores());
            System.out.printf("  %-28s seed %d  auc %.4f  logloss %.4f  lift@10%% %.3f  train %.1f s%n", label, seed,
                    run.auc(), run.logLoss(), run.lift10(), seconds);
            runs.add(run);
            return run;
        }
    }

    void printTable(String title) {
        System.out.printf("%n%s%n%n| model | runs | AUC mean (spread) | log loss mean (spread) | lift@10%% mean "
                + "(spread) | train s mean |%n| --- | --- | --- | --- | --- | --- |%n", title);
        Map<String, List<Run>> byModel = new LinkedHashMap<>();
        runs.forEach(run -> byModel.computeIfAbsent(run.model(), k -> new ArrayList<>()).add(run));
        byModel.forEach((model, list) -> System.out.printf("| %s | %d | %s | %s | %s | %.1f |%n", model, list.size(),
                stat(list, Run::auc), stat(list, Run::logLoss), stat(list, Run::lift10),
                list.stream().mapToDouble(Run::trainSeconds).average().orElse(0)));
    }

    private static String stat(List<Run> list, java.util.function.ToDoubleFunction<Run> metric) {
        double mean = list.stream().mapToDouble(metric).average().orElse(Double.NaN);
        double spread = list.stream().mapToDouble(metric).max().orElse(0)
                - list.stream().mapToDouble(metric).min().orElse(0);
        return String.format("%.4f (%.4f)", mean, spread);
    }
}
