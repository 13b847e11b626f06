package io.deeppersona.cli;

import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.deploy.FileSystemDeployer;
import io.deeppersona.core.serving.CampaignTraining;
import io.deeppersona.core.serving.ServingArtifacts;
import io.deeppersona.core.serving.ServingBundle;
import io.deeppersona.core.serving.ServingBundleBuilder;
import io.deeppersona.spi.DeployedVersion;
import io.deeppersona.spi.ProviderContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deeppersona train}: trains one model on all events, builds its serving bundle and deploys both as a new
 * active version into a model folder that {@code serve} (or {@code DeployedRecommender.open}) reads.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on all events and deploy it, with its serving bundle, as a new version.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EventFileOptions input;

    @Option(names = "--models", defaultValue = "auto", paramLabel = "MODEL",
            description = "The model to train and deploy (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--model-option", paramLabel = "MODEL.KEY=VALUE",
            description = "An option for the model, repeatable, e.g. --model-option ease.lambda=500.")
    List<String> modelOptions = new java.util.ArrayList<>();

    @Option(names = "--model-dir", required = true, paramLabel = "DIR",
            description = "The model registry folder; created if absent.")
    Path modelDir;

    @Option(names = "--segment-attribute", paramLabel = "COL",
            description = "An attribute column (also listed in --attribute-cols) whose value is the customer's "
                    + "segment for cold-start popularity, e.g. Country.")
    String segmentAttribute;

    @Option(names = "--campaign", paramLabel = "NAME=MODEL[:DAYS]",
            description = "Also train a propensity model served as campaign NAME: MODEL (e.g. logistic-regression, "
                    + "behaviour-cnn) learns who buys within DAYS days (default 30) from features one horizon before "
                    + "the end of the data; repeatable. Its options come from --model-option MODEL.KEY=VALUE.")
    List<String> campaigns = new ArrayList<>();

    @Option(names = "--history-length", defaultValue = "50", paramLabel = "N",
            description = "Recent items kept per customer for serving (default: ${DEFAULT-VALUE}).")
    int historyLength;

    @Override
    public Integer call() {
        PluginRegistry registry = PluginRegistry.discovered(TrainCommand.class.getClassLoader());
        Map<String, Map<String, Object>> options = ModelOptions.parse(modelOptions, spec.commandLine());
        // Checked before any training, so a typo costs nothing.
        List<CampaignSpec> campaignSpecs = campaigns.stream()
                .map(text -> CampaignSpec.parse(text, spec.commandLine())).toList();
        campaignSpecs.forEach(campaign -> registry.model(campaign.model()));
        PersonalizationPipeline pipeline = input.configure(PersonalizationPipeline.builder()
                .registry(registry)
                .trainingListener(DeepPersonaCli.trainingListener()))
                .model(model, options.getOrDefault(model, Map.of()))
                .noEvaluation()
                .build();
        PrintWriter out = spec.commandLine().getOut();
        try (PipelineResult result = pipeline.run()) {
            ServingBundleBuilder builder = ServingBundle.builder().events(result.training())
                    .catalogue(result.catalogue()).historyLength(historyLength);
            if (segmentAttribute != null) {
                builder.segmentAttribute(segmentAttribute);
            }
            ProviderContext context = DefaultProviderContext.create(Clock.systemUTC(), Map.of(),
                    DeepPersonaCli.trainingListener(), registry);
            for (CampaignSpec parsed : campaignSpecs) {
                builder.addCampaign(CampaignTraining.train(parsed.name(), result.training(), result.catalogue(),
                        Duration.ofDays(parsed.days()), registry.model(parsed.model()),
                        options.getOrDefault(parsed.model(), Map.of()), context));
            }
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("dataSource", "csv");
            provenance.put("events", input.events.getFileName().toString());
            provenance.put("rows", result.training().size());
            try (ServingBundle bundle = builder.build()) {
                DeployedVersion version = ServingArtifacts.deploy(result.primaryModel().model(), bundle,
                        new FileSystemDeployer(modelDir, 0, Clock.systemUTC(), registry::findModel), provenance,
                        DefaultProviderContext.create());
                out.printf("Deployed %s (model %s, %d items, %d customers) into %s%n", version.version(),
                        version.provider(), bundle.itemCount(), bundle.customerCount(), modelDir);
            }
        }
        out.flush();
        return 0;
    }
}
