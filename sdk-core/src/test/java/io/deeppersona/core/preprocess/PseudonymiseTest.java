package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.buy;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.Preprocessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudonymiseTest {
    private static final byte[] KEY = "test-key-0123456789abcdef0123456".getBytes(StandardCharsets.UTF_8);
    private final EventLog log = log(buy("c1", "a", 0), buy("c1", "b", 1), buy("c2", "a", 0), buy(null, "z", 0));

    @Test
    void replacesCustomerIdsByHmacSha256Hex() {
        Pseudonymise step = new Pseudonymise("key".getBytes(StandardCharsets.UTF_8));

        EventLog out = step.apply(log).events();

        assertThat(step.pseudonym("c1")).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(out.size()).isEqualTo(4);
        assertThat(out.customerIndex("c1")).isEqualTo(-1);
        assertThat(out.customerIndex(step.pseudonym("c1"))).isNotNegative();
        int c1 = out.customerIndex(step.pseudonym("c1"));
        assertThat(out.customerRowsEnd(c1) - out.customerRowsStart(c1)).isEqualTo(2);
        assertThat(out.customer(3)).isEqualTo(-1);
    }

    @Test
    void knownAnswer() {
        // HMAC-SHA256 with key "key" of "The quick brown fox jumps over the lazy dog" (Wikipedia's example).
        assertThat(new Pseudonymise("key".getBytes(StandardCharsets.UTF_8))
                .pseudonym("The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void providerTakesTheKeyFromANamedSecretAndNeverShowsIt() {
        DefaultProviderContext context = DefaultProviderContext.create(Clock.systemUTC(),
                Map.of("pseudonymisation-key", KEY, "other", "x".getBytes(StandardCharsets.UTF_8)));

        Preprocessor step = new PseudonymiseProvider().create(Map.of(), context);
        Preprocessor other = new PseudonymiseProvider().create(Map.of("keySecret", "other"), context);

        String pseudonym = new Pseudonymise(KEY).pseudonym("c1");
        assertThat(step.fit(log).apply(log).events().customerIndex(pseudonym)).isNotNegative();
        assertThat(other.fit(log).apply(log).events().customerIndex(pseudonym)).isEqualTo(-1);
        assertThat(step.toString()).doesNotContain(new String(KEY, StandardCharsets.UTF_8));
    }

    @Test
    void missingSecretSaysHowToSupplyOne() {
        assertThatThrownBy(() -> new PseudonymiseProvider().create(Map.of(), DefaultProviderContext.create()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("pseudonymisation-key")
                .hasMessageContaining(".secret(")
                .hasMessageContaining("DEEPPERSONA_PSEUDONYMISATION_KEY");
    }
}
