package io.deeppersona.testkit.builtin;

import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.preprocess.PseudonymiseProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

class PseudonymiseContractTest extends PreprocessorContractTest {
    private static final ProviderContext CONTEXT = DefaultProviderContext.create(
            Clock.fixed(Instant.parse("2011-12-31T00:00:00Z"), ZoneOffset.UTC),
            Map.of("pseudonymisation-key", "contract-test-key-not-secret-32b".getBytes(StandardCharsets.UTF_8)));

    @Override
    protected PreprocessorProvider provider() {
        return new PseudonymiseProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of();
    }

    @Override
    protected ProviderContext context() {
        return CONTEXT;
    }
}
