package io.deeppersona.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptionCategoriserTest {
    private final DescriptionCategoriser categoriser = DescriptionCategoriser.withDefaults();

    @Test
    void takesTheLastWordLeftAfterStopWordsAndNumbers() {
        assertThat(categoriser.noun("WHITE HANGING HEART T-LIGHT HOLDER")).isEqualTo("holder");
        assertThat(categoriser.noun("JUMBO BAG RED RETROSPOT")).isEqualTo("bag");
        assertThat(categoriser.noun("PACK OF 72 RETROSPOT CAKE CASES")).isEqualTo("case");
        assertThat(categoriser.noun("LUNCH BAG SPACEBOY DESIGN")).isEqualTo("bag");
        assertThat(categoriser.noun("ASSORTED COLOUR BIRD ORNAMENT")).isEqualTo("ornament");
        assertThat(categoriser.noun("SET OF 6 T-LIGHTS")).isEqualTo("t-light");
        assertThat(categoriser.noun("STRAWBERRY CERAMIC TRINKET BOX")).isEqualTo("box");
        assertThat(categoriser.noun("PAPER CHAIN KIT 50'S CHRISTMAS")).isEqualTo("kit");
        assertThat(categoriser.noun("RED 60CM")).isEmpty();
        assertThat(categoriser.noun(null)).isEmpty();
    }

    @Test
    void makesWordsSimplySingular() {
        assertThat(DescriptionCategoriser.singular("holders")).isEqualTo("holder");
        assertThat(DescriptionCategoriser.singular("boxes")).isEqualTo("box");
        assertThat(DescriptionCategoriser.singular("doilies")).isEqualTo("doily");
        assertThat(DescriptionCategoriser.singular("glasses")).isEqualTo("glass");
        assertThat(DescriptionCategoriser.singular("matches")).isEqualTo("match");
        assertThat(DescriptionCategoriser.singular("cases")).isEqualTo("case");
        assertThat(DescriptionCategoriser.singular("knives")).isEqualTo("knife");
        assertThat(DescriptionCategoriser.singular("glass")).isEqualTo("glass");
        assertThat(DescriptionCategoriser.singular("cactus")).isEqualTo("cactus");
    }

    @Test
    void rareNounsAndEmptyDescriptionsBecomeOther() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("1", "WHITE T-LIGHT HOLDER");
        descriptions.put("2", "GLASS STAR FROSTED T-LIGHT HOLDER");
        descriptions.put("3", "ZINC HEART HOLDERS");
        descriptions.put("4", "RED RETROSPOT MUG");
        descriptions.put("5", "");

        Map<String, String> categories = new DescriptionCategoriser(2).categorise(descriptions);

        assertThat(categories).containsExactly(Map.entry("1", "holder"), Map.entry("2", "holder"),
                Map.entry("3", "holder"), Map.entry("4", "other"), Map.entry("5", "other"));
    }
}
