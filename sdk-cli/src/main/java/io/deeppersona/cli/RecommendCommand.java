package io.deeppersona.cli;

import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.CustomerHistory;
import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deeppersona recommend}: trains one model on all events and prints one customer's top items. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Train a model on all events and recommend items for one customer.")
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EventFileOptions input;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer to recommend for.")
    String customer;

    @Option(names = "--model", defaultValue = "ease", paramLabel = "MODEL",
            description = "Model to train (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--model-option", paramLabel = "MODEL.KEY=VALUE",
            description = "An option for the model, repeatable, e.g. --model-option ease.lambda=500.")
    List<String> modelOptions = new java.util.ArrayList<>();

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "How many items (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--exclude-seen", defaultValue = "true", arity = "1", paramLabel = "BOOL",
            description = "Leave out items the customer already had (default: ${DEFAULT-VALUE}).")
    boolean excludeSeen;

    @Override
    public Integer call() {
        PersonalizationPipeline pipeline = input.configure(PersonalizationPipeline.builder()
                .registry(PluginRegistry.discovered(RecommendCommand.class.getClassLoader()))
                .trainingListener(DeepPersonaCli.trainingListener()))
                .model(model, ModelOptions.parse(modelOptions, spec.commandLine()).getOrDefault(model, Map.of()))
                .build();
        PrintWriter out = spec.commandLine().getOut();
        try (PipelineResult result = pipeline.run()) {
            CustomerHistory history = CustomerHistory.of(result.training(), customer);
            if (history.items().isEmpty()) {
                out.printf("Customer %s has no events after preprocessing: answering as a cold customer.%n", customer);
            }
            List<Recommendation> recommendations = result.primaryModel().model().recommend(new RecommendationQuery(
                    customer, history.items(), k, excludeSeen ? history.distinctItems() : Set.of()));
            if (recommendations.isEmpty()) {
                throw new ConfigurationException("Model '" + model + "' returned no recommendations");
            }
            out.printf("Top %d for customer %s by %s (%d past events):%n", recommendations.size(), customer, model,
                    history.items().size());
            int rank = 1;
            for (Recommendation recommendation : recommendations) {
                out.printf("%3d. %-10s %-45s %.4f%n", rank++, recommendation.itemId(),
                        result.catalogue().titleOf(recommendation.itemId()), recommendation.score());
            }
        }
        out.flush();
        return 0;
    }
}
