package io.deeppersona.testkit.builtin;

import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.testkit.ModelContractTest;
import java.util.Map;

class EaseModelContractTest extends ModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new EaseModelProvider();
    }

    @Override
    protected Map<String, Object> smallOptions() {
        return Map.of("lambda", 10.0);
    }
}
