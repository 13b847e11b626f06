package io.deeppersona.testkit.builtin;

import io.deeppersona.core.propensity.RfmScoreModelProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.testkit.PropensityModelContractTest;
import io.deeppersona.testkit.SyntheticPropensity;
import java.util.Map;

class RfmScoreModelContractTest extends PropensityModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new RfmScoreModelProvider();
    }

    @Override
    protected Map<String, Object> smallOptions() {
        return Map.of("bins", 5);
    }

    @Override
    protected TrainingData trainingData() {
        return SyntheticPropensity.behaviour(400, 7);
    }
}
