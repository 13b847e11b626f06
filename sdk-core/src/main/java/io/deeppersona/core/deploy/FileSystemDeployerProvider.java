package io.deeppersona.core.deploy;

import static java.util.Objects.requireNonNull;

import io.deeppersona.spi.Deployer;
import io.deeppersona.spi.DeployerProvider;
import io.deeppersona.spi.ProviderContext;
import java.util.Map;

/**
 * Makes {@link FileSystemDeployer}s. Options: {@code root} (required path) and {@code keepVersions} (default 0,
 * keep all). Stateless and thread-safe.
 */
public final class FileSystemDeployerProvider implements DeployerProvider {
    public static final String NAME = "file-system";

    /** ServiceLoader needs this; it does no work. */
    public FileSystemDeployerProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Deployer create(Map<String, Object> options, ProviderContext context) {
        requireNonNull(options, "options is null");
        requireNonNull(context, "context is null");
        FileSystemDeployerOptions bound = context.bindOptions(options, FileSystemDeployerOptions.class);
        // Only a context with a registry can say a provider is unknown; without one, every provider would be.
        return context.hasModelRegistry()
                ? new FileSystemDeployer(bound.root(), bound.keepVersions(), context.clock(),
                        context::findModelProvider)
                : new FileSystemDeployer(bound.root(), bound.keepVersions(), context.clock());
    }
}
