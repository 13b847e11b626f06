package io.deeppersona.core.deploy;

import io.deeppersona.api.error.ConfigurationException;
import java.nio.file.Path;

/**
 * Options of the {@value FileSystemDeployerProvider#NAME} deployer.
 *
 * @param root the folder holding {@code versions/}, {@code ACTIVE} and {@code HISTORY}; required
 * @param keepVersions how many versions to keep, oldest deleted first and the active one never; 0 keeps all
 */
public record FileSystemDeployerOptions(Path root, int keepVersions) {
    public FileSystemDeployerOptions {
        if (root == null) {
            throw new ConfigurationException("Option 'root' of deployer '" + FileSystemDeployerProvider.NAME
                    + "' is required: the folder that holds the deployed versions, e.g. /var/lib/deeppersona/models");
        }
        if (keepVersions < 0) {
            throw new ConfigurationException("Option 'keepVersions' of deployer '" + FileSystemDeployerProvider.NAME
                    + "' must be >= 0 (0 keeps every version), got " + keepVersions);
        }
    }
}
