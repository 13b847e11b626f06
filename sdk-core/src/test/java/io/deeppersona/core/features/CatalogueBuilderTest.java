package io.deeppersona.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.Item;
import io.deeppersona.api.error.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueBuilderTest {
    @Test
    void buildsTitlesCategoriesAndMedianPricesFromEvents() {
        EventLog log = Logs.log()
                .add("a", "h1", EventType.PURCHASE, 1, 2, 5, Map.of("Description", "WHITE T-LIGHT HOLDER"))
                .add("b", "h1", EventType.PURCHASE, 2, 1, 3, Map.of("Description", "WHITE T-LIGHT HOLDER"))
                .add("c", "h1", EventType.PURCHASE, 3, 4, 4, Map.of("Description", "T-LIGHT HOLDER WHITE"))
                .add("c", "h2", EventType.PURCHASE, 3, Double.NaN, 7, Map.of("Description", "ZINC HOLDER"))
                .add(null, "m1", EventType.PURCHASE, 4, 0, 0, Map.of("Description", "RED MUG"))
                .add("d", "x1", EventType.VIEW, 5, 1, Double.NaN, Map.of())
                .build();

        Catalogue catalogue = CatalogueBuilder.fromEvents(log, "Description", new DescriptionCategoriser(2));

        assertThat(catalogue.items().keySet()).containsExactlyInAnyOrder("h1", "h2", "m1", "x1");
        // Unit prices 2.5, 3 and 1: the median is 2.5.
        assertThat(catalogue.item("h1").orElseThrow())
                .isEqualTo(new Item("h1", "WHITE T-LIGHT HOLDER", List.of("holder"), 2.5, Map.of()));
        assertThat(catalogue.item("h2").orElseThrow().price()).isEqualTo(7.0);
        assertThat(catalogue.item("m1").orElseThrow().categoryPath()).containsExactly("other");
        assertThat(catalogue.item("m1").orElseThrow().price()).isNaN();
        assertThat(catalogue.item("x1").orElseThrow().title()).isEmpty();
    }

    @Test
    void failsWhenTheTitleAttributeIsAbsent() {
        EventLog log = Logs.log().purchase("a", "i1", 1, 1).build();

        assertThatThrownBy(() -> CatalogueBuilder.fromEvents(log, "Description", DescriptionCategoriser.withDefaults()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Description");
    }
}
