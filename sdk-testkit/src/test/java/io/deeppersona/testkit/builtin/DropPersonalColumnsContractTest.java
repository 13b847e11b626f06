package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.DropPersonalColumnsProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class DropPersonalColumnsContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new DropPersonalColumnsProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("columns", List.of("email"));
    }
}
