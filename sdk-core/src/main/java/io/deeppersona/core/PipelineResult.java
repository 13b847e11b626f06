package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.StageReport;
import io.deeppersona.api.error.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pipeline run produced: a report per stage, the data summary, and each trained model with its scores.
 * Closing it closes the models.
 *
 * @param stages one report per stage, in the order they ran
 * @param dataset size of the preprocessed data
 * @param protocol the evaluation protocol, if the run evaluated
 * @param training the events the models were trained on (the training split when evaluating)
 * @param test the held-out events, empty when not evaluating
 * @param catalogue the item catalogue the run used
 * @param models the trained models by name, in the order they were declared
 */
public record PipelineResult(List<StageReport> stages, DatasetSummary dataset, Optional<EvaluationProtocol> protocol,
        EventLog training, Optional<EventLog> test, Catalogue catalogue, Map<String, ModelResult> models)
        implements AutoCloseable {

    public PipelineResult {
        stages = List.copyOf(stages);
        requireNonNull(dataset, "dataset is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(training, "training is null");
        requireNonNull(test, "test is null");
        requireNonNull(catalogue, "catalogue is null");
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** Returns the first declared model's result: the pipeline's main model. */
    public ModelResult primaryModel() {
        return models.values().iterator().next();
    }

    /** @throws ConfigurationException if the pipeline has no model of that name */
    public ModelResult model(String name) {
        ModelResult result = models.get(name);
        if (result == null) {
            throw new ConfigurationException("No model '" + name + "' in this result; models: " + models.keySet());
        }
        return result;
    }

    @Override
    public void close() {
        models.values().forEach(result -> result.model().close());
    }
}
