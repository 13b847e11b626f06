package io.deeppersona.core;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.source.ErrorPolicy;
import io.deeppersona.spi.DataSource;
import io.deeppersona.spi.FeatureExtractor;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.Preprocessor;
import io.deeppersona.spi.TrainingListener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole loop on a host's data: read, preprocess, extract features, train, evaluate. Immutable once built and
 * safe to run more than once; derive variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * PersonalizationPipeline pipeline = PersonalizationPipeline.builder()
 *         .registry(PluginRegistry.discovered(getClass().getClassLoader()))
 *         .dataSource("csv", Map.of("path", "events.csv", "customer", "CustomerID", "item", "StockCode",
 *                 "time", "InvoiceDate", "timeFormat", "yyyy-MM-dd HH:mm:ss"))
 *         .addPreprocessor("missing-values")
 *         .addPreprocessor("dedupe-events")
 *         .addModel("ease", Map.of("lambda", 250))
 *         .addModel("popularity", Map.of())
 *         .evaluation(EvaluationProtocol.global(30))
 *         .build();
 * try (PipelineResult result = pipeline.run()) {
 *     System.out.println(result.model("ease").metrics());
 * }
 * }</pre>
 *
 * <p>The pipeline only sequences stages; reading, preprocessing, features, models and evaluation live in their own
 * packages. Preprocessing runs in two phases so nothing of the test period leaks into training: the leading
 * stateless steps run on the whole log before the split, and every step from the first one that
 * {@linkplain Preprocessor#learnsFromData() learns from data} on is fitted on the training split alone.
 */
public final class PersonalizationPipeline {
    private final Builder spec;
    private final DefaultProviderContext context;
    private final DataSource dataSource;
    private final List<Preprocessor> preprocessors;
    private final List<FeatureExtractor> featureExtractors;
    private final Map<String, ModelStage> models;

    /** A model the pipeline trains: its provider and options (seed already filled in). */
    record ModelStage(String name, ModelProvider provider, Map<String, Object> options) {
    }

    private PersonalizationPipeline(Builder spec) {
        this.spec = spec;
        this.context = DefaultProviderContext.create(spec.clock, spec.secrets, spec.trainingListener, spec.registry);
        PluginRegistry registry = spec.registry;
        this.dataSource = spec.dataSourceInstance != null ? spec.dataSourceInstance
                : registry.dataSource(spec.dataSourceSpec.name()).create(spec.dataSourceSpec.options(), context);
        this.preprocessors = new ArrayList<>();
        for (Object stage : spec.preprocessors) {
            preprocessors.add(stage instanceof Preprocessor instance ? instance
                    : registry.preprocessor(((StageSpec) stage).name())
                            .create(((StageSpec) stage).options(), context));
        }
        this.featureExtractors = new ArrayList<>();
        for (StageSpec stage : spec.featureExtractors) {
            featureExtractors.add(registry.featureExtractor(stage.name()).create(stage.options(), context));
        }
        checkUniqueNames("preprocessor", preprocessors.stream().map(Preprocessor::name).toList());
        checkUniqueNames("feature extractor", featureExtractors.stream().map(FeatureExtractor::name).toList());
        // Folding the declared schemas fails here, before any data is read, when two extractors clash.
        FeatureSchema folded = FeatureSchema.empty();
        for (FeatureExtractor extractor : featureExtractors) {
            try {
                folded = folded.plus(extractor.outputSchema());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("Feature extractor '" + extractor.name() + "' clashes: "
                        + e.getMessage(), e);
            }
        }
        this.models = new LinkedHashMap<>();
        for (StageSpec stage : spec.models) {
            ModelProvider provider = registry.model(stage.name());
            Map<String, Object> options = new LinkedHashMap<>(stage.options());
            if (provider.capabilities().contains(ModelCapability.SEEDED)) {
                options.putIfAbsent("seed", spec.seed);
            }
            if (provider.capabilities().contains(ModelCapability.VALIDATES) && spec.evaluation != null
                    && !options.containsKey("validationSplit")) {
                mirrorProtocol(spec.evaluation, options);
            }
            // Creating a trainer binds the options, so an unknown option fails at build time, not after reading.
            provider.newTrainer(options, context);
            models.put(stage.name(), new ModelStage(stage.name(), provider, Map.copyOf(options)));
        }
    }

    /** Validation cut like the test cut: the same split kind, the same days or fraction. */
    private static void mirrorProtocol(EvaluationProtocol protocol, Map<String, Object> options) {
        options.put("validationSplit", protocol.split());
        if (protocol.split().equals(EvaluationProtocol.GLOBAL)) {
            options.putIfAbsent("validationDays", protocol.testDays());
        } else {
            options.putIfAbsent("validationFraction", protocol.testFraction());
        }
    }

    private static void checkUniqueNames(String kind, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new ConfigurationException("Cannot have duplicate " + kind + " stages in a pipeline: '" + name
                        + "' appears twice");
            }
        }
    }

    /** Returns a new builder; single-threaded and single-use. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this pipeline's settings, to derive a variant. */
    public Builder toBuilder() {
        return spec.copy();
    }

    /**
     * Runs the pipeline once.
     *
     * @throws io.deeppersona.api.error.PersonalizationException from any stage, with the stage named
     */
    public PipelineResult run() {
        return new PipelineRunner(this).run();
    }

    DefaultProviderContext context() {
        return context;
    }

    DataSource dataSource() {
        return dataSource;
    }

    ErrorPolicy errorPolicy() {
        return spec.errorPolicy;
    }

    Optional<Path> quarantineFile() {
        return Optional.ofNullable(spec.quarantineFile);
    }

    List<Preprocessor> preprocessors() {
        return List.copyOf(preprocessors);
    }

    List<FeatureExtractor> featureExtractors() {
        return List.copyOf(featureExtractors);
    }

    Map<String, ModelStage> models() {
        return java.util.Collections.unmodifiableMap(models);
    }

    Optional<EvaluationProtocol> evaluation() {
        return Optional.ofNullable(spec.evaluation);
    }

    Optional<Catalogue> catalogue() {
        return Optional.ofNullable(spec.catalogue);
    }

    Optional<String> titleAttribute() {
        return Optional.ofNullable(spec.titleAttribute);
    }

    /**
     * Collects a pipeline's settings. Setters check their own argument; {@link #build()} resolves plugin names,
     * binds every option and checks the whole, so a misconfiguration fails before any data is read.
     * Single-threaded; after {@code build()} derive variants with {@link PersonalizationPipeline#toBuilder()}.
     */
    public static final class Builder {
        private PluginRegistry registry;
        private StageSpec dataSourceSpec;
        private DataSource dataSourceInstance;
        private ErrorPolicy errorPolicy = ErrorPolicy.FAIL_FAST;
        private Path quarantineFile;
        private final List<Object> preprocessors = new ArrayList<>();
        private final List<StageSpec> featureExtractors = new ArrayList<>();
        private final List<StageSpec> models = new ArrayList<>();
        private EvaluationProtocol evaluation;
        private Catalogue catalogue;
        private String titleAttribute;
        private final Map<String, byte[]> secrets = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private long seed = 42;
        private TrainingListener trainingListener = TrainingListener.NONE;

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.registry = registry;
            copy.dataSourceSpec = dataSourceSpec;
            copy.dataSourceInstance = dataSourceInstance;
            copy.errorPolicy = errorPolicy;
            copy.quarantineFile = quarantineFile;
            copy.preprocessors.addAll(preprocessors);
            copy.featureExtractors.addAll(featureExtractors);
            copy.models.addAll(models);
            copy.evaluation = evaluation;
            copy.catalogue = catalogue;
            copy.titleAttribute = titleAttribute;
            secrets.forEach((name, secret) -> copy.secrets.put(name, secret.clone()));
            copy.clock = clock;
            copy.seed = seed;
            copy.trainingListener = trainingListener;
            return copy;
        }

        /** Sets where plugin names are looked up. Required. */
        public Builder registry(PluginRegistry newRegistry) {
            this.registry = requireNonNull(newRegistry, "registry is null");
            return this;
        }

        /** Reads events with the named data source provider. */
        public Builder dataSource(String name, Map<String, Object> options) {
            this.dataSourceSpec = new StageSpec(name, options);
            this.dataSourceInstance = null;
            return this;
        }

        /** Reads events from a source the host built itself. */
        public Builder dataSource(DataSource source) {
            this.dataSourceInstance = requireNonNull(source, "source is null");
            this.dataSourceSpec = null;
            return this;
        }

        /** Fail on the first bad record (the default), or skip and quarantine bad records. */
        public Builder errorPolicy(ErrorPolicy policy) {
            this.errorPolicy = requireNonNull(policy, "policy is null");
            return this;
        }

        /** Where quarantined records are written (JSON lines); only with {@link ErrorPolicy#QUARANTINE}. */
        public Builder quarantineFile(Path file) {
            this.quarantineFile = requireNonNull(file, "file is null");
            return this;
        }

        /** Appends a preprocessing step with default options. */
        public Builder addPreprocessor(String name) {
            return addPreprocessor(name, Map.of());
        }

        /** Appends a preprocessing step. */
        public Builder addPreprocessor(String name, Map<String, Object> options) {
            preprocessors.add(new StageSpec(name, options));
            return this;
        }

        /** Appends a preprocessing step the host built itself (e.g. a consent filter over its CRM's customers). */
        public Builder addPreprocessor(Preprocessor preprocessor) {
            preprocessors.add(requireNonNull(preprocessor, "preprocessor is null"));
            return this;
        }

        /** Appends a feature extractor. */
        public Builder addFeatureExtractor(String name, Map<String, Object> options) {
            featureExtractors.add(new StageSpec(name, options));
            return this;
        }

        /** Replaces all models by this one. */
        public Builder model(String name, Map<String, Object> options) {
            models.clear();
            return addModel(name, options);
        }

        /** Adds a model to train (and compare, when evaluating); the first one added is the primary model. */
        public Builder addModel(String name, Map<String, Object> options) {
            StageSpec stage = new StageSpec(name, options);
            if (models.stream().anyMatch(m -> m.name().equals(name))) {
                throw new ConfigurationException("Cannot have duplicate model stages in a pipeline: '" + name + "'");
            }
            models.add(stage);
            return this;
        }

        /**
         * Evaluates the models under this protocol, whose seed becomes the pipeline's seed; without it, models
         * train on all events.
         */
        public Builder evaluation(EvaluationProtocol protocol) {
            this.evaluation = requireNonNull(protocol, "protocol is null");
            this.seed = protocol.seed();
            return this;
        }

        /** Trains on all events without evaluation (the default). */
        public Builder noEvaluation() {
            this.evaluation = null;
            return this;
        }

        /** Uses the host's item catalogue (titles, categories, prices). */
        public Builder catalogue(Catalogue newCatalogue) {
            this.catalogue = requireNonNull(newCatalogue, "catalogue is null");
            this.titleAttribute = null;
            return this;
        }

        /**
         * Derives the catalogue from the events: titles from this attribute (e.g. {@code "Description"}) and
         * categories from the title's product noun (see {@code docs/features.md}).
         */
        public Builder catalogueFromAttribute(String attribute) {
            this.titleAttribute = requireNonNull(attribute, "attribute is null");
            this.catalogue = null;
            return this;
        }

        /** Supplies a secret (e.g. {@code "pseudonymisation-key"}); never written to artifacts or logs. */
        public Builder secret(String name, byte[] value) {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            if (value.length == 0) {
                throw new IllegalArgumentException("secret '" + name + "' is empty");
            }
            secrets.put(name, value.clone());
            return this;
        }

        /** Sets the clock for reports and artifacts (tests pin it). */
        public Builder clock(Clock newClock) {
            this.clock = requireNonNull(newClock, "clock is null");
            return this;
        }

        /** Reports training progress (epochs, loss, validation) to this listener, e.g. a progress bar. */
        public Builder trainingListener(TrainingListener listener) {
            this.trainingListener = requireNonNull(listener, "listener is null");
            return this;
        }

        /** Sets the seed passed to seeded models that set none themselves (default 42). */
        public Builder seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        /**
         * Resolves names, binds options and checks the whole.
         *
         * @throws ConfigurationException on a missing part, a bad option, or clashing stage names
         * @throws io.deeppersona.api.error.PluginNotFoundException on an unknown plugin name
         */
        public PersonalizationPipeline build() {
            if (registry == null) {
                throw new ConfigurationException("A registry is required: .registry(PluginRegistry.builder()"
                        + ".discover(getClass().getClassLoader()).build())");
            }
            if (dataSourceSpec == null && dataSourceInstance == null) {
                throw new ConfigurationException("A data source is required: .dataSource(\"csv\", options)");
            }
            if (models.isEmpty()) {
                throw new ConfigurationException("At least one model is required: .addModel(\"popularity\", Map.of())");
            }
            if (quarantineFile != null && errorPolicy != ErrorPolicy.QUARANTINE) {
                throw new ConfigurationException("A quarantine file is set but the error policy is " + errorPolicy
                        + "; use .errorPolicy(ErrorPolicy.QUARANTINE)");
            }
            return new PersonalizationPipeline(copy());
        }
    }
}
