package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.SessioniseProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class SessioniseContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new SessioniseProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("gapMinutes", 10);
    }
}
