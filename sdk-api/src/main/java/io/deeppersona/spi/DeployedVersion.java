package io.deeppersona.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One version of a model in a deployer's registry.
 *
 * @param version the version id, e.g. {@code "v0003"}
 * @param provider the model provider that reads it
 * @param deployedAt when it was deployed
 * @param validationScores its validation scores from the manifest
 * @param active whether this version currently serves
 * @since 0.1
 */
public record DeployedVersion(String version, String provider, Instant deployedAt,
        Map<String, Double> validationScores, boolean active) {
    public DeployedVersion {
        requireNonNull(version, "version is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(deployedAt, "deployedAt is null");
        validationScores = Map.copyOf(requireNonNull(validationScores, "validationScores is null"));
    }
}
