package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.DedupeEventsProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class DedupeEventsContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new DedupeEventsProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("keys", List.of("customer", "item", "timestamp"));
    }
}
