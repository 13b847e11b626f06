package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.MissingValuesProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class MissingValuesContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new MissingValuesProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("quantity", "fill:1", "value", "drop", "attributes", Map.of("Country", "fill:unknown"));
    }
}
