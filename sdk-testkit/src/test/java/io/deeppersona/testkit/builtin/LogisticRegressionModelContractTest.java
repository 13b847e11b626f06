package io.deeppersona.testkit.builtin;

import io.deeppersona.core.propensity.LogisticRegressionModelProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.testkit.PropensityModelContractTest;
import io.deeppersona.testkit.SyntheticPropensity;
import java.util.Map;

class LogisticRegressionModelContractTest extends PropensityModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new LogisticRegressionModelProvider();
    }

    @Override
    protected Map<String, Object> smallOptions() {
        return Map.of("l2", 1.0);
    }

    @Override
    protected TrainingData trainingData() {
        return SyntheticPropensity.tabular(400, 7);
    }
}
