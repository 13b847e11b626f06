package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.DropCancellationsProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class DropCancellationsContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new DropCancellationsProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }
}
