package io.deeppersona.dl4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

@Tag("dl4j")
class CaserNetworkFactoryTest {
    @Test
    void scoresEveryItemForABatch() {
        ComputationGraph network = CaserNetworkFactory.create(
                new CaserNetworkFactory.Spec(30, 7, 5, 8, 4, 2, 0.5, 0.01, 1e-6, 42, false));
        INDArray seq = Nd4j.create(new float[][] {{0, 0, 3, 4, 5}, {1, 2, 3, 4, 5}, {0, 0, 0, 0, 9}});
        INDArray user = Nd4j.create(new float[][] {{1}, {2}, {0}});
        INDArray[] out = network.output(false, seq, user);
        assertThat(out[0].shape()).containsExactly(3, 30);
        assertThat(out[0].sum(1).getDouble(0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }
}
