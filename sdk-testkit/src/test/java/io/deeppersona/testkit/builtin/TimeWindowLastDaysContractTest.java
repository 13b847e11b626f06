package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.TimeWindowProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class TimeWindowLastDaysContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new TimeWindowProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("lastDays", 3);
    }
}
