package io.deeppersona.core.preprocess;

import static io.deeppersona.core.preprocess.TestLogs.buy;
import static io.deeppersona.core.preprocess.TestLogs.log;
import static io.deeppersona.core.preprocess.TestLogs.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.PreprocessResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonProductItemsTest {
    private final EventLog log = log(buy("c1", "85123A", 0), buy("c1", "POST", 1), buy("c1", "M", 2),
            buy("c1", "m", 3), buy("c1", "gift_0001_20", 4), buy("c1", "gift_0001_25", 5),
            buy("c1", "BANK CHARGES", 6), buy("c1", "POSTAGE", 7), buy("c2", "POST", 0), buy("c2", "post", 1));

    @Test
    void defaultDropsUciNonProductCodesByWholeCaseSensitiveMatch() {
        PreprocessResult result = new NonProductItems(NonProductItemsOptions.defaults()).apply(log);

        assertThat(rows(result.events())).containsExactly("c1 85123A 0", "c1 gift_0001_25 5", "c1 POSTAGE 7",
                "c2 post 1");
        assertThat(result.dropped()).containsExactly(Map.entry("non-product-item", 6L));
    }

    @Test
    void customPatternsReplaceTheDefaults() {
        PreprocessResult result = new NonProductItems(new NonProductItemsOptions(List.of("(?i)post.*"))).apply(log);

        assertThat(result.dropped()).containsEntry("non-product-item", 4L);
    }

    @Test
    void rejectsInvalidRegex() {
        assertThatThrownBy(() -> new NonProductItemsProvider()
                .create(Map.of("patterns", List.of("gift_(")), DefaultProviderContext.create()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gift_(");
    }
}
