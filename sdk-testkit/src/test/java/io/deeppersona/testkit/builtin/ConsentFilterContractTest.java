package io.deeppersona.testkit.builtin;

import io.deeppersona.core.preprocess.ConsentFilterProvider;
import io.deeppersona.spi.PreprocessorProvider;
import io.deeppersona.testkit.PreprocessorContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class ConsentFilterContractTest extends PreprocessorContractTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeConsentFile() throws IOException {
        Files.writeString(dir.resolve("consent.csv"), """
                customer_id,purpose,granted
                customer-1,personalisation,true
                customer-2,personalisation,false
                customer-3,marketing,true
                customer-4,personalisation,true
                """);
    }

    @Override
    protected PreprocessorProvider provider() {
        return new ConsentFilterProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("path", dir.resolve("consent.csv").toString(), "requireExplicitConsent", true);
    }
}
