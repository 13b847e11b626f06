package io.deeppersona.testkit.builtin;

import io.deeppersona.core.models.ItemKnnModelProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.testkit.ModelContractTest;
import java.util.Map;

class ItemKnnModelContractTest extends ModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new ItemKnnModelProvider();
    }

    @Override
    protected Map<String, Object> smallOptions() {
        return Map.of("neighbours", 10);
    }
}
