package io.deeppersona.core.models.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deeppersona.api.Recommendation;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlendingTest {
    @Test
    void rankBlendMergesListsAndKeepsFirstAppearanceOrderOnTies() {
        List<Recommendation> first = List.of(new Recommendation("a", 9), new Recommendation("b", 5));
        List<Recommendation> second = List.of(new Recommendation("b", 0.3), new Recommendation("c", 0.2));
        List<Recommendation> blended = Blender.blend(List.of(first, second), new double[] {0.5, 0.5},
                Normalisation.RANK, 2, 3);
        // b: 0.5 * 0.5 + 0.5 * 1 = 0.75; a: 0.5 * 1 = 0.5; c: 0.5 * 0.5 = 0.25.
        assertThat(blended).extracting(Recommendation::itemId).containsExactly("b", "a", "c");
        assertThat(blended.get(0).score()).isCloseTo(0.75, within(1e-12));
        List<Recommendation> tie = Blender.blend(List.of(first, second), new double[] {0.5, 0.5},
                Normalisation.RANK, 2, 1);
        assertThat(tie).extracting(Recommendation::itemId).containsExactly("b");
    }

    @Test
    void minMaxMapsEachListOntoZeroToOne() {
        double[] normalised = Normalisation.MIN_MAX.apply(List.of(new Recommendation("a", 4),
                new Recommendation("b", 3), new Recommendation("c", 2)), 3);
        assertThat(normalised).containsExactly(1.0, 0.5, 0.0);
        assertThat(Normalisation.MIN_MAX.apply(List.of(new Recommendation("a", 4)), 3)).containsExactly(1.0);
    }

    @Test
    void aSingleWeightedListKeepsItsOrder() {
        List<Recommendation> only = List.of(new Recommendation("x", 3), new Recommendation("y", 3),
                new Recommendation("z", 1));
        for (Normalisation normalisation : Normalisation.values()) {
            assertThat(Blender.blend(List.of(only, List.of()), new double[] {1.0, 0.0}, normalisation, 3, 3))
                    .extracting(Recommendation::itemId).containsExactly("x", "y", "z");
        }
    }
}
