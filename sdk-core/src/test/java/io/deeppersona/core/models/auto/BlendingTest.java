package io.deeppersona.core.models.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deeppersona.core.models.RankedIndices;
import org.junit.jupiter.api.Test;

class BlendingTest {
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    @Test
    void rankBlendMergesListsByWeightedSums() {
        int[][] items = {{A, B}, {B, C}};
        double[][] scores = {{9, 5}, {0.3, 0.2}};
        RankedIndices blended = Blender.blend(items, scores, new double[] {0.5, 0.5}, Normalisation.RANK, 2, 3, 3);
        // b: 0.5 * 0.5 + 0.5 * 1 = 0.75; a: 0.5 * 1 = 0.5; c: 0.5 * 0.5 = 0.25.
        assertThat(blended.items()).containsExactly(B, A, C);
        assertThat(blended.scores()[0]).isCloseTo(0.75, within(1e-12));
        assertThat(Blender.blend(items, scores, new double[] {0.5, 0.5}, Normalisation.RANK, 2, 1, 3).items())
                .containsExactly(B);
    }

    @Test
    void equalSumsKeepTheOrderOfFirstAppearanceNotTheIndexOrder() {
        // c and a both sum to 0.75; c appears first (top of the first list), although its index is higher.
        int[][] items = {{C, A}, {A, C}};
        double[][] scores = {{2, 1}, {2, 1}};
        RankedIndices blended = Blender.blend(items, scores, new double[] {0.5, 0.5}, Normalisation.RANK, 2, 2, 3);

        assertThat(blended.scores()[0]).isEqualTo(blended.scores()[1]);
        assertThat(blended.items()).containsExactly(C, A);
    }

    @Test
    void minMaxMapsEachListOntoZeroToOne() {
        assertThat(Normalisation.MIN_MAX.apply(new double[] {4, 3, 2}, 3)).containsExactly(1.0, 0.5, 0.0);
        assertThat(Normalisation.MIN_MAX.apply(new double[] {4}, 3)).containsExactly(1.0);
    }

    @Test
    void aSingleWeightedListKeepsItsOrder() {
        int[][] items = {{A, B, C}, {}};
        double[][] scores = {{3, 3, 1}, {}};
        for (Normalisation normalisation : Normalisation.values()) {
            assertThat(Blender.blend(items, scores, new double[] {1.0, 0.0}, normalisation, 3, 3, 3).items())
                    .containsExactly(A, B, C);
        }
    }
}
