package io.deeppersona.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny, deterministic model kind for testing artifacts and deployers without a real recommender. Training
 * ignores the data and returns a {@link FakeModel} ranking the {@code items} option. Options: {@code items}
 * (list of item ids, default {@code ["a", "b", "c"]}).
 *
 * <p>It is deliberately not registered in sdk-testkit's main {@code META-INF/services}, so it never shows up in
 * a host's plugin discovery; tests that need it register it explicitly or in their own test resources.
 */
public final class FakeModelProvider implements ModelProvider {
    public static final String NAME = "fake-fixed-ranking";
    public static final int PAYLOAD_VERSION = 1;

    /** Options of the fake trainer. */
    public record Options(List<String> items) {
        public Options {
            items = items == null ? List.of("a", "b", "c") : List.copyOf(items);
        }
    }

    /** ServiceLoader needs this; it does no work. */
    public FakeModelProvider() {
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
        return Set.of(ModelCapability.RECOMMEND, ModelCapability.CONCURRENT_RECOMMEND);
    }

    @Override
    public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
        Options bound = context.bindOptions(options, Options.class);
        return data -> {
            requireNonNull(data, "data is null");
            return new FakeModel(bound.items(), Map.of());
        };
    }

    @Override
    public Model load(ArtifactReader payload, int payloadVersion, ProviderContext context) {
        if (payloadVersion > PAYLOAD_VERSION) {
            throw new IncompatibleArtifactException("Model '" + NAME + "' payloadVersion " + payloadVersion
                    + " is newer than this provider reads (max " + PAYLOAD_VERSION + ")");
        }
        if (!payload.paths().contains(FakeModel.PAYLOAD)) {
            throw new ArtifactException("Model '" + NAME + "' payload has no " + FakeModel.PAYLOAD + "; found "
                    + payload.paths());
        }
        String text = new String(payload.readAllBytes(FakeModel.PAYLOAD), StandardCharsets.UTF_8);
        return new FakeModel(text.isEmpty() ? List.of() : List.of(text.split("\n")), Map.of());
    }
}
