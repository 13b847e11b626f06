package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.BotFilterProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.util.List;
import java.util.Map;

class BotFilterContractTest extends PreprocessorContractTest {
    @Override
    protected PreprocessorProvider provider() {
        return new BotFilterProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("maxEventsPerMinute", 10, "minEvents", 20);
    }
}
