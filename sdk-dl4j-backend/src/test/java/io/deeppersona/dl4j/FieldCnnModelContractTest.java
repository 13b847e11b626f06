package io.deeppersona.dl4j;

import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.testkit.PropensityModelContractTest;
import io.deeppersona.testkit.SyntheticPropensity;
import java.util.Map;
import org.junit.jupiter.api.Tag;

@Tag("dl4j")
class FieldCnnModelContractTest extends PropensityModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new FieldCnnModelProvider();
    }

    @Override
    protected Map<String, Object> smallOptions() {
        return Map.of("epochs", 2, "embedding", 4, "filters1", 4, "filters2", 4, "hidden", 8, "batchSize", 32,
                "learningRate", 0.01);
    }

    @Override
    protected TrainingData trainingData() {
        return SyntheticPropensity.tabular(240, 7);
    }
}
