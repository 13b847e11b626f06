package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import io.deeppersona.spi.ModelCapability;
import io.deeppersona.spi.ModelProvider;
import java.util.Map;

/**
 * A model {@code auto} may choose: its registered provider and the options it is trained with, both in validation
 * and in the final retraining.
 *
 * @param name the provider's name
 * @param provider the provider, found through the context's registry
 * @param options the candidate's options, with the seed filled in for seeded providers
 */
record Candidate(String name, ModelProvider provider, Map<String, Object> options) {
    Candidate {
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
        options = Map.copyOf(requireNonNull(options, "options is null"));
    }

    boolean concurrent() {
        return provider.capabilities().contains(ModelCapability.CONCURRENT_RECOMMEND);
    }
}
