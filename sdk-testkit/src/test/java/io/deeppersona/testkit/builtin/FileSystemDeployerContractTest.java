package io.deeppersona.testkit.builtin;

import io.deeppersona.core.deploy.FileSystemDeployerProvider;
import io.deeppersona.spi.DeployerProvider;
import io.deeppersona.testkit.DeployerContractTest;
import java.nio.file.Path;
import java.util.Map;

class FileSystemDeployerContractTest extends DeployerContractTest {
    @Override
    protected DeployerProvider provider() {
        return new FileSystemDeployerProvider();
    }

    @Override
    protected Map<String, Object> options(Path root) {
        return Map.of("root", root.toString());
    }
}
