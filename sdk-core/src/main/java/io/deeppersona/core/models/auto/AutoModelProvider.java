package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.core.artifact.PayloadVersions;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code auto} model: trains candidate models (by provider name, through the context's registry), picks the
 * best on a validation period cut from the end of the training data, or a weighted blend of the best few when a
 * blend validates better, and retrains the choice on all the training data. Every candidate's validation score and
 * the reason for the choice are in the model's {@link ModelInfo}, hence in the artifact manifest. See
 * {@link AutoOptions} and {@code docs/auto.md}.
 *
 * <pre>{@code
 * builder.addModel("auto", Map.of("candidates", List.of("item-knn", "ease"),
 *         "candidateOptions", Map.of("ease", Map.of("lambda", 500))));
 * }</pre>
 */
public final class AutoModelProvider implements ModelProvider {
    public static final String NAME = "auto";
    static final int PAYLOAD_VERSION = 1;

    public AutoModelProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int payloadVersion() {
        return PAYLOAD_VERSION;
    }

    @Override
    public Set<ModelCapability> capabilities() {
        return Set.of(ModelCapability.RECOMMEND, ModelCapability.CONCURRENT_RECOMMEND, ModelCapability.SEEDED,
                ModelCapability.VALIDATES);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigurationException on bad options, when an explicitly listed candidate is not registered, or
     *     when no candidate is
     */
    @Override
    public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
        requireNonNull(options, "options is null");
        requireNonNull(context, "context is null");
        AutoOptions bound = context.bindOptions(options, AutoOptions.class);
        boolean explicit = options.get("candidates") != null;
        List<Candidate> candidates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String entry : bound.candidates()) {
            String name = AutoOptions.label(entry);
            Optional<ModelProvider> provider = context.findModelProvider(AutoOptions.providerName(entry));
            if (provider.isEmpty()) {
                (explicit ? missing : skipped).add(entry);
                continue;
            }
            Map<String, Object> candidateOptions = new LinkedHashMap<>(bound.candidateOptions()
                    .getOrDefault(name, Map.of()));
            if (provider.get().capabilities().contains(ModelCapability.SEEDED)) {
                candidateOptions.putIfAbsent("seed", bound.seed());
            }
            if (!provider.get().capabilities().contains(ModelCapability.RECOMMEND)) {
                throw new ConfigurationException("auto candidate '" + name + "' does not recommend (capabilities "
                        + provider.get().capabilities() + "); auto only chooses among recommenders");
            }
            // Binding the candidate's options now makes a typo fail before any training starts.
            provider.get().newTrainer(candidateOptions, context);
            candidates.add(new Candidate(name, provider.get(), candidateOptions,
                    bound.trainingDays().getOrDefault(name, 0)));
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("auto option 'candidates' names unknown models " + missing
                    + "; registered models among the candidates: " + candidates.stream().map(Candidate::name).toList()
                    + ". Check the names (e.g. popularity, item-knn, ease) and that their module is on the class path");
        }
        if (candidates.isEmpty()) {
            throw new ConfigurationException("auto has no registered candidate among " + bound.candidates()
                    + "; the context's registry knows none of them (does the host give the context a registry?)");
        }
        return new AutoTrainer(bound, candidates, skipped, context);
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        requireNonNull(payload, "payload is null");
        requireNonNull(context, "context is null");
        PayloadVersions.check(NAME, payloadVersion, PAYLOAD_VERSION, "sdk-core");
        AutoPayload record = readRecord(payload);
        Normalisation normalisation;
        try {
            normalisation = Normalisation.of(record.normalisation());
        } catch (ConfigurationException e) {
            throw new ArtifactException("auto payload '" + AutoPayload.FILE + "' is corrupt: " + e.getMessage(), e);
        }
        List<Component> components = new ArrayList<>();
        try {
            for (AutoPayload.Entry entry : record.components()) {
                ModelProvider provider = context.findModelProvider(entry.provider()).orElseThrow(() ->
                        new IncompatibleArtifactException("auto model needs component model '" + entry.provider()
                                + "', which is not registered in this SDK; register its provider (is its module on "
                                + "the class path?)"));
                Model model = provider.load(PrefixedArtifacts.reader(payload, AutoPayload.prefix(entry.name())),
                        entry.payloadVersion(), context);
                components.add(new Component(entry.name(), entry.provider(), model, entry.weight(),
                        provider.capabilities().contains(ModelCapability.CONCURRENT_RECOMMEND)));
            }
            if (components.isEmpty()) {
                throw new ArtifactException("auto payload '" + AutoPayload.FILE + "' lists no components");
            }
            ModelInfo info = new ModelInfo(NAME, PAYLOAD_VERSION, record.hyperparameters(), record.validationScores());
            return new AutoModel(info, components, normalisation, record.blendDepth());
        } catch (RuntimeException e) {
            components.forEach(component -> component.model().close());
            throw e instanceof IllegalArgumentException ? new ArtifactException("auto payload '" + AutoPayload.FILE
                    + "' is corrupt: " + e.getMessage(), e) : e;
        }
    }

    private static AutoPayload readRecord(ArtifactReader payload) {
        if (!payload.paths().contains(AutoPayload.FILE)) {
            throw new ArtifactException("Model payload of provider '" + NAME + "' has no file '" + AutoPayload.FILE
                    + "'; found " + payload.paths());
        }
        try (var in = payload.open(AutoPayload.FILE)) {
            return SdkJson.json().readValue(in, AutoPayload.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException("Model payload of provider '" + NAME + "' has an unreadable '"
                    + AutoPayload.FILE + "': " + e.getMessage(), e);
        }
    }
}
