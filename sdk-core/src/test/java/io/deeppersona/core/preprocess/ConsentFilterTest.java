package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.buy;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static io.deeppersona.core.preprocess.TestLogs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.Customer;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.api.error.DataSourceException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentFilterTest {
    private final EventLog log = log(buy("yes", "a", 0), buy("no", "a", 0), buy("no", "b", 1),
            buy("silent", "a", 0), buy("unknown", "a", 0), buy(null, "a", 0));
    private final List<Customer> customers = List.of(
            new Customer("yes", Map.of(), Map.of(Customer.PERSONALISATION, true)),
            new Customer("no", Map.of(), Map.of(Customer.PERSONALISATION, false, Customer.MARKETING, true)),
            new Customer("silent", Map.of(), Map.of(Customer.MARKETING, true)));

    @Test
    void keepsConsentingAndUnknownCustomersByDefault() {
        PreprocessResult result = ConsentFilter.of(customers, Customer.PERSONALISATION, false).apply(log);

        assertThat(rows(result.events())).containsExactly("yes a 0", "unknown a 0", "- a 0");
        assertThat(result.dropped()).containsExactly(Map.entry("no-consent", 3L));
    }

    @Test
    void explicitConsentDropsUnknownCustomersButNotAnonymousEvents() {
        PreprocessResult result = ConsentFilter.of(customers, Customer.PERSONALISATION, true).apply(log);

        assertThat(rows(result.events())).containsExactly("yes a 0", "- a 0");
        assertThat(ConsentFilter.of(customers, Customer.MARKETING, true).apply(log).events().size()).isEqualTo(4);
    }

    @Test
    void providerReadsTheConsentFileLastDecisionWinning(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("consent.csv");
        Files.writeString(file, """
                customer_id,purpose,granted
                yes,personalisation,true
                no,personalisation,yes
                no,personalisation,FALSE
                silent,marketing,1
                """);

        Preprocessor step = new ConsentFilterProvider().create(
                Map.of("path", file.toString(), "requireExplicitConsent", true), DefaultProviderContext.create());

        assertThat(rows(step.fit(log).apply(log).events())).containsExactly("yes a 0", "- a 0");
        assertThat(step.toString()).doesNotContain("yes,").contains("customers=2");
    }

    @Test
    void badFilesFailWithTheLineAndNoCustomerId(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("consent.csv");
        Files.writeString(file, "customer_id,purpose,granted\nsecret-person,personalisation,maybe\n");
        DefaultProviderContext context = DefaultProviderContext.create();
        ConsentFilterProvider provider = new ConsentFilterProvider();

        assertThatThrownBy(() -> provider.create(Map.of("path", file.toString()), context))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("maybe")
                .hasMessageContaining("line 2 ").hasMessageNotContaining("secret-person");
        assertThatThrownBy(() -> provider.create(Map.of("path", dir.resolve("absent.csv").toString()), context))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("absent.csv");
        assertThatThrownBy(() -> provider.create(Map.of(), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("path");
    }
}
