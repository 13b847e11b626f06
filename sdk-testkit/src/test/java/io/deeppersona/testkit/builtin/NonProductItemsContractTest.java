package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.NonProductItemsProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class NonProductItemsContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new NonProductItemsProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }
}
