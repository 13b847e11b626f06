package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.MinCountProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class MinCountContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new MinCountProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("minItemEvents", 3, "minCustomerEvents", 2, "kCore", true);
    }
}
