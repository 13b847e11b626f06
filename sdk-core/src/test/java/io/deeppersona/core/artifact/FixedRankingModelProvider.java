package io.deeppersona.core.artifact;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Loads {@link FixedRankingModel}s and counts its loads, so tests can prove a corrupt payload was never read. */
public final class FixedRankingModelProvider implements ModelProvider {
    public static final String NAME = "fixed-ranking";

    private final int payloadVersion;
    private final AtomicInteger loads = new AtomicInteger();

    public FixedRankingModelProvider() {
        this(1);
    }

    public FixedRankingModelProvider(int payloadVersion) {
        this.payloadVersion = payloadVersion;
    }

    /** A model ranking {@code items} in order, written with this provider's payload version. */
    public FixedRankingModel model(List<String> items, Map<String, Double> validationScores) {
        return new FixedRankingModel(items, payloadVersion, validationScores);
    }

    /** A provider lookup that knows only this provider. */
    public Function<String, Optional<ModelProvider>> lookup() {
        return name -> NAME.equals(name) ? Optional.of(this) : Optional.empty();
    }

    public int loads() {
        return loads.get();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int payloadVersion() {
        return payloadVersion;
    }

    @Override
    public Set<ModelCapability> capabilities() {
        return Set.of();
    }

    @Override
    public ModelTrainer newTrainer(Map<String, Object> options, ProviderContext context) {
        throw new UnsupportedOperationException("fixed-ranking models are built directly in tests");
    }

    @Override
    public Model load(ArtifactReader payload, int version, ProviderContext context) {
        loads.incrementAndGet();
        if (version > payloadVersion) {
            throw new IncompatibleArtifactException("fixed-ranking payloadVersion " + version + " > " + payloadVersion);
        }
        String text = new String(payload.readAllBytes(FixedRankingModel.PAYLOAD), StandardCharsets.UTF_8);
        return new FixedRankingModel(List.of(text.split("\n")), version, Map.of());
    }
}
