package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.source.ErrorPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A pipeline written down as YAML or JSON: plugins by name with their options. Unknown keys are errors.
 *
 * <pre>{@code
 * dataSource: {name: csv, options: {path: events.csv, customer: CustomerID, item: StockCode, time: InvoiceDate,
 *                                   timeFormat: "yyyy-MM-dd HH:mm:ss"}}
 * preprocessors: [{name: missing-values}, {name: dedupe-events}]
 * models: [{name: ease, options: {lambda: 250}}, {name: popularity}]
 * evaluation: {split: global, testDays: 30, k: 10, excludeSeen: true, seed: 42}
 * }</pre>
 *
 * @param dataSource the data source (required)
 * @param errorPolicy {@code fail-fast} (default) or {@code quarantine}
 * @param quarantineFile where rejected records go under {@code quarantine}
 * @param preprocessors preprocessing steps, in order
 * @param features feature extractors
 * @param titleAttribute event attribute holding item titles, to derive the catalogue from
 * @param models models to train; the first is the primary one (required)
 * @param evaluation the evaluation protocol, or absent to train on everything
 */
public record PipelineSpec(StageSpec dataSource, String errorPolicy, String quarantineFile,
        List<StageSpec> preprocessors, List<StageSpec> features, String titleAttribute, List<StageSpec> models,
        EvaluationProtocol evaluation) {

    public PipelineSpec {
        if (dataSource == null) {
            throw new ConfigurationException("Pipeline spec needs 'dataSource: {name: ..., options: {...}}'");
        }
        preprocessors = preprocessors == null ? List.of() : List.copyOf(preprocessors);
        features = features == null ? List.of() : List.copyOf(features);
        if (models == null || models.isEmpty()) {
            throw new ConfigurationException("Pipeline spec needs at least one entry under 'models'");
        }
        models = List.copyOf(models);
    }

    /**
     * Reads a spec; {@code .json} files as JSON, anything else as YAML (a superset of JSON).
     *
     * @throws ConfigurationException naming the file and, for a syntax or binding error, the line and key
     */
    public static PipelineSpec read(Path file) {
        requireNonNull(file, "file is null");
        ObjectMapper mapper = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? SdkJson.json() : SdkJson.yaml();
        try {
            return mapper.readValue(Files.newBufferedReader(file), PipelineSpec.class);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("Pipeline spec " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException("Pipeline spec " + file + describe(e), e);
        } catch (IOException e) {
            throw new ConfigurationException("Pipeline spec " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Says where and what: the key path for a binding error (YAML parsers report the line after the value, so a
     * line number would mislead), line and column for a syntax error, and our own validation message when a spec
     * record refused a value.
     */
    private static String describe(JsonProcessingException e) {
        String where;
        if (e instanceof JsonMappingException mapping) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            where = path.isEmpty() ? "" : " at key '" + path + "'";
        } else {
            where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationException own) {
                return where + ": " + own.getMessage();
            }
        }
        return where + ": " + e.getOriginalMessage();
    }

    /** Returns a builder configured from this spec, ready for {@code build()}. */
    public PersonalizationPipeline.Builder toBuilder(PluginRegistry registry) {
        PersonalizationPipeline.Builder builder = PersonalizationPipeline.builder()
                .registry(registry)
                .dataSource(dataSource.name(), dataSource.options());
        if (errorPolicy != null) {
            builder.errorPolicy(parseErrorPolicy(errorPolicy));
        }
        if (quarantineFile != null) {
            builder.quarantineFile(Path.of(quarantineFile));
        }
        preprocessors.forEach(step -> builder.addPreprocessor(step.name(), step.options()));
        features.forEach(step -> builder.addFeatureExtractor(step.name(), step.options()));
        if (titleAttribute != null) {
            builder.catalogueFromAttribute(titleAttribute);
        }
        models.forEach(model -> builder.addModel(model.name(), model.options()));
        if (evaluation != null) {
            builder.evaluation(evaluation);
        }
        return builder;
    }

    /** Parses {@code fail-fast} or {@code quarantine} (case and {@code _} ignored). */
    public static ErrorPolicy parseErrorPolicy(String text) {
        String normalised = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return ErrorPolicy.valueOf(normalised);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("errorPolicy is '" + text + "'; expected fail-fast or quarantine", e);
        }
    }
}
