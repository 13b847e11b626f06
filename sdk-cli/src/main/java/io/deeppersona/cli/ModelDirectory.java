package io.deeppersona.cli;

import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DeploymentException;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.serving.DeployedRecommender;
import io.deeppersona.core.serving.ServingOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the runtime over a model folder written by {@code deeppersona train}, for {@code serve} and {@code score}. */
final class ModelDirectory {
    private ModelDirectory() {
    }

    /**
     * Opens a {@link DeployedRecommender} serving the active version of {@code modelDir}.
     *
     * @throws ConfigurationException if the folder does not exist
     * @throws DeploymentException if no version is active there, or it does not load
     */
    static DeployedRecommender open(Path modelDir, ServingOptions options) {
        if (!Files.isDirectory(modelDir)) {
            throw new ConfigurationException("--model-dir " + modelDir + " is not a folder; deploy a model into it"
                    + " first with 'deeppersona train ... --model-dir " + modelDir + "'");
        }
        PluginRegistry registry = PluginRegistry.discovered(ModelDirectory.class.getClassLoader());
        DeployedRecommender recommender = DeployedRecommender.open(modelDir, registry, options);
        if (recommender.activeVersion().isEmpty()) {
            recommender.close();
            throw new DeploymentException("No model version is deployed in " + modelDir + "; deploy one first with"
                    + " 'deeppersona train ... --model-dir " + modelDir + "'");
        }
        return recommender;
    }
}
