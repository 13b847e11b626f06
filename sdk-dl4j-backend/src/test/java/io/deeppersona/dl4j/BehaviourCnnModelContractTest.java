package io.deeppersona.dl4j;

import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.testkit.PropensityModelContractTest;
import io.deeppersona.testkit.SyntheticPropensity;
import java.util.Map;
import org.junit.jupiter.api.Tag;

@Tag("dl4j")
class BehaviourCnnModelContractTest extends PropensityModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new BehaviourCnnModelProvider();
    }

    @Override
    protected Map<String, Object> smallOptions() {
        return Map.of("epochs", 2, "filters", 4, "hidden", 8, "batchSize", 32, "learningRate", 0.01);
    }

    @Override
    protected TrainingData trainingData() {
        return SyntheticPropensity.behaviour(240, 7);
    }
}
