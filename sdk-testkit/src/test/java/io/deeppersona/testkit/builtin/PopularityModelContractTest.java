package io.deeppersona.testkit.builtin;

import io.deeppersona.core.models.PopularityModelProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.testkit.ModelContractTest;
import java.util.Map;

class PopularityModelContractTest extends ModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new PopularityModelProvider();
    }

    @Override
    protected Map<String, Object> smallOptions() {
        return Map.of();
    }
}
