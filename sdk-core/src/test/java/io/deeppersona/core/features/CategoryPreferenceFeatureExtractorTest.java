package io.deeppersona.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.Item;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.FittedFeatureExtractor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryPreferenceFeatureExtractorTest {
    static final Catalogue CATALOGUE = Catalogue.of(List.of(
            item("i1", "home", "lighting"),
            item("i2", "home", "kitchen"),
            item("i3", "garden", "tools"),
            Item.ofId("i4")));
    private static final EventLog TRAINING = Logs.log()
            .purchase("a", "i1", 1, 10)
            .purchase("a", "i1", 2, 10)
            .purchase("a", "i2", 3, 20)
            .purchase("a", "i4", 4, Double.NaN)
            .event("a", "i3", EventType.VIEW, 5)
            .purchase("b", "i3", 1, 5)
            .purchase("b", "i1", 2, -5)
            .build();

    static Item item(String id, String... path) {
        return new Item(id, "", List.of(path), Double.NaN, Map.of());
    }

    private static FittedFeatureExtractor fit(Map<String, Object> options) {
        return new CategoryPreferenceFeatureExtractorProvider().create(options, DefaultProviderContext.create())
                .fit(TRAINING, CATALOGUE);
    }

    @Test
    void sharesOfCountedEventsOverTheTopLeafCategories() {
        FittedFeatureExtractor fitted = fit(Map.of("maxCategories", 2));
        FeatureTable table = fitted.extract(TRAINING, CATALOGUE);

        // lighting has 3 purchases; kitchen and tools 1 each, the tie going to the alphabetically first.
        assertThat(fitted.schema().fields().get(0).labels()).containsExactly("lighting", "kitchen", "other");
        assertThat(table.schema()).isEqualTo(fitted.schema());
        assertThat(table.get("a").orElseThrow().numeric("category_preference")).containsExactly(0.5f, 0.25f, 0.25f);
        assertThat(table.get("b").orElseThrow().numeric("category_preference")).containsExactly(0.5f, 0f, 0.5f);
    }

    @Test
    void levelPicksAnAncestorCategory() {
        FittedFeatureExtractor fitted = fit(Map.of("level", 0));

        assertThat(fitted.schema().fields().get(0).labels()).containsExactly("home", "garden", "other");
        assertThat(fitted.extract(TRAINING, CATALOGUE).get("a").orElseThrow().numeric("category_preference"))
                .containsExactly(0.75f, 0f, 0.25f);
    }

    @Test
    void valueWeightingIgnoresUnknownAndNegativeValues() {
        FeatureTable table = fit(Map.of("weighting", "value")).extract(TRAINING, CATALOGUE);

        // a: lighting 20, kitchen 20, i4 unknown value; b: tools 5, the refund on lighting weighs nothing.
        assertThat(table.get("a").orElseThrow().numeric("category_preference"))
                .containsExactly(0.5f, 0.5f, 0f, 0f);
        assertThat(table.get("b").orElseThrow().numeric("category_preference"))
                .containsExactly(0f, 0f, 1f, 0f);
    }

    @Test
    void unseenItemsAndCategoriesGoToOther() {
        EventLog later = Logs.log().purchase("c", "i9", 1, 1).purchase("c", "i5", 2, 1).purchase("c", "i2", 3, 1)
                .event("d", "i1", EventType.VIEW, 1).build();
        Catalogue laterCatalogue = Catalogue.of(List.of(item("i5", "toys"), item("i2", "home", "kitchen")));

        FeatureTable table = fit(Map.of("maxCategories", 2)).extract(later, laterCatalogue);

        assertThat(table.get("c").orElseThrow().numeric("category_preference"))
                .containsExactly(0f, 1f / 3, 2f / 3);
        assertThat(table.get("d").orElseThrow().numeric("category_preference")).containsExactly(0f, 0f, 0f);
    }

    @Test
    void rejectsAnUnknownWeighting() {
        assertThatThrownBy(() -> fit(Map.of("weighting", "revenue")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("revenue");
    }
}
