package io.deeppersona.testkit.builtin;

import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.core.models.ItemKnnModelProvider;
import io.deeppersona.core.models.PopularityModelProvider;
import io.deeppersona.core.models.auto.AutoModelProvider;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.spi.TrainingListener;
import io.deeppersona.testkit.ModelContractTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;

class AutoModelContractTest extends ModelContractTest {
    @Override
    protected ModelProvider provider() {
        return new AutoModelProvider();
    }

    @Override
    protected ProviderContext newContext() {
        PluginRegistry registry = PluginRegistry.builder().register(new PopularityModelProvider())
                .register(new ItemKnnModelProvider()).register(new EaseModelProvider()).build();
        return DefaultProviderContext.create(Clock.systemUTC(), Map.of(), TrainingListener.NONE, registry);
    }

    @Override
    protected Map<String, Object> smallOptions() {
        // The synthetic log spans under two days, so the validation period is its last day.
        return Map.of("candidates", List.of("popularity", "item-knn", "ease"), "validationDays", 1,
                "candidateOptions", Map.of("ease", Map.of("lambda", 10.0)), "blendDepth", 20);
    }
}
