package io.deeppersona.dl4j;

import io.deeppersona.spi.ModelProvider;
import io.deeppersona.testkit.ModelContractTest;
import java.util.Map;
import org.junit.jupiter.api.Tag;

@Tag("dl4j")
class Dl4jCaserCnnModelContractTest extends ModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new CaserCnnModelProvider();
    }

    @Override
    protected Map<String, Object> smallOptions() {
        return CaserTestOptions.tiny();
    }
}
