package io.deeppersona.core;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.StageReport;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.api.error.TrainingException;
import io.deeppersona.core.eval.GlobalTimeSplit;
import io.deeppersona.core.eval.PerCustomerSplit;
import io.deeppersona.core.eval.RankingEvaluator;
import io.deeppersona.core.eval.RankingOptions;
import io.deeppersona.core.eval.RankingReport;
import io.deeppersona.core.eval.Split;
import io.deeppersona.core.eval.SplitStrategy;
import io.deeppersona.core.features.CatalogueBuilder;
import io.deeppersona.core.features.DescriptionCategoriser;
import io.deeppersona.core.source.Ingest;
import io.deeppersona.core.source.IngestResult;
import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.FittedFeatureExtractor;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.TrainingData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one pipeline once: the sequencing, and nothing else. */
final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    private final PersonalizationPipeline pipeline;
    private final List<StageReport> reports = new ArrayList<>();

    PipelineRunner(PersonalizationPipeline pipeline) {
        this.pipeline = pipeline;
    }

    PipelineResult run() {
        IngestResult ingest = Ingest.read(pipeline.dataSource(), pipeline.errorPolicy(),
                pipeline.quarantineFile().orElse(null), pipeline.context());
        record(ingest.report());

        List<Preprocessor> steps = pipeline.preprocessors();
        int firstStateful = 0;
        while (firstStateful < steps.size() && !steps.get(firstStateful).learnsFromData()) {
            firstStateful++;
        }
        EventLog events = ingest.events();
        for (Preprocessor step : steps.subList(0, firstStateful)) {
            events = apply(step.name(), step.fit(events), events);
        }

        Optional<EvaluationProtocol> protocol = pipeline.evaluation();
        EventLog training = events;
        Optional<EventLog> test = Optional.empty();
        if (protocol.isPresent()) {
            long start = System.nanoTime();
            Split split = splitStrategy(protocol.get()).split(events);
            training = split.train();
            test = Optional.of(split.test());
            record(new StageReport("split:" + protocol.get().split(), events.size(),
                    split.train().size() + split.test().size(), Map.of(), elapsed(start)));
        }
        // Steps from the first stateful one on learn from the training period only, then apply to both parts.
        for (Preprocessor step : steps.subList(firstStateful, steps.size())) {
            FittedPreprocessor fitted = step.fit(training);
            training = apply(step.name(), fitted, training);
            if (test.isPresent()) {
                test = Optional.of(apply(step.name() + " (test)", fitted, test.get()));
            }
        }
        DatasetSummary dataset = DatasetSummary.of(events);

        Catalogue catalogue = catalogue(training);
        FeatureTable features = features(training, catalogue);
        Map<String, ModelResult> models = new LinkedHashMap<>();
        try {
            for (PersonalizationPipeline.ModelStage stage : pipeline.models().values()) {
                models.put(stage.name(), train(stage, new TrainingData(training, catalogue, features), test,
                        protocol));
            }
        } catch (RuntimeException e) {
            models.values().forEach(result -> result.model().close());
            throw e;
        }
        return new PipelineResult(reports, dataset, protocol, training, test, catalogue, models);
    }

    private EventLog apply(String stage, FittedPreprocessor fitted, EventLog input) {
        long start = System.nanoTime();
        PreprocessResult result;
        try {
            result = fitted.apply(input);
        } catch (PersonalizationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TrainingException("Preprocessing step '" + stage + "' failed: " + e.getMessage(), e);
        }
        record(new StageReport(stage, input.size(), result.events().size(), result.dropped(), elapsed(start)));
        return result.events();
    }

    private Catalogue catalogue(EventLog training) {
        if (pipeline.catalogue().isPresent()) {
            return pipeline.catalogue().get();
        }
        if (pipeline.titleAttribute().isEmpty()) {
            return Catalogue.empty();
        }
        long start = System.nanoTime();
        Catalogue catalogue = CatalogueBuilder.fromEvents(training, pipeline.titleAttribute().get(),
                DescriptionCategoriser.withDefaults());
        record(new StageReport("catalogue:" + pipeline.titleAttribute().get(), training.itemCount(), catalogue.size(),
                Map.of(), elapsed(start)));
        return catalogue;
    }

    private FeatureTable features(EventLog training, Catalogue catalogue) {
        FeatureTable features = FeatureTable.empty();
        for (FeatureExtractor extractor : pipeline.featureExtractors()) {
            long start = System.nanoTime();
            FittedFeatureExtractor fitted = extractor.fit(training, catalogue);
            FeatureTable table = fitted.extract(training, catalogue);
            features = features.join(table);
            record(new StageReport("features:" + extractor.name(), training.customerCount(), table.size(), Map.of(),
                    elapsed(start)));
        }
        return features;
    }

    private ModelResult train(PersonalizationPipeline.ModelStage stage, TrainingData data, Optional<EventLog> test,
            Optional<EvaluationProtocol> protocol) {
        long start = System.nanoTime();
        Model model = stage.provider().newTrainer(stage.options(), pipeline.context()).train(data);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Trained model '{}' on {} events in {} s", stage.name(), data.events().size(),
                String.format("%.2f", trainSeconds));
        record(new StageReport("train:" + stage.name(), data.events().size(), data.events().size(), Map.of(),
                Duration.ofNanos(System.nanoTime() - start)));
        if (protocol.isEmpty() || test.isEmpty()) {
            return new ModelResult(stage.name(), model, trainSeconds, 0, Map.of());
        }
        long evalStart = System.nanoTime();
        RankingReport report = new RankingEvaluator(new RankingOptions(protocol.get().k(),
                protocol.get().excludeSeen(), null)).evaluate(model, new Split(data.events(), test.get()));
        record(new StageReport("evaluate:" + stage.name(), test.get().size(), test.get().size(), Map.of(),
                elapsed(evalStart)));
        return new ModelResult(stage.name(), model, trainSeconds, report.users(), report.metrics());
    }

    private static SplitStrategy splitStrategy(EvaluationProtocol protocol) {
        return protocol.split().equals(EvaluationProtocol.GLOBAL) ? new GlobalTimeSplit(protocol.testDays())
                : new PerCustomerSplit(protocol.testFraction(), protocol.keepBaskets());
    }

    private void record(StageReport report) {
        reports.add(report);
        LOG.info("{}: {} rows in, {} out, dropped {} in {} ms", report.stage(), report.rowsIn(), report.rowsOut(),
                report.dropped(), report.elapsed().toMillis());
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
