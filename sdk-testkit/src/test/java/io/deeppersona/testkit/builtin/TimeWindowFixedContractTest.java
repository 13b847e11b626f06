package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.TimeWindowProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class TimeWindowFixedContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new TimeWindowProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("from", "2011-01-05T00:00:00Z", "to", "2011-01-09T00:00:00Z");
    }
}
