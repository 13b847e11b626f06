package io.deeppersona.cli;

import io.deeppersona.core.EvaluationProtocol;
import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deeppersona evaluate}: trains models on a temporal split and prints their ranking metrics. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Train models on the training split and rank the full catalogue for every evaluated customer "
                + "(definitions: docs/evaluation.md).")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EventFileOptions input;

    @Option(names = "--split", required = true, paramLabel = "SPLIT",
            description = "global (a time cut for everyone) or per-customer (each customer's latest events).")
    String split;

    @Option(names = "--test-days", paramLabel = "N", description = "With --split global: the last N days are test.")
    Integer testDays;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "With --split per-customer: each customer's last F of distinct events are test.")
    Double testFraction;

    @Option(names = "--keep-baskets", arity = "1", paramLabel = "BOOL",
            description = "With --split per-customer: keep events at one instant (a basket) on one side of the cut "
                    + "(default: true; see docs/evaluation.md).")
    Boolean keepBaskets;

    @Option(names = "--k", defaultValue = "10", paramLabel = "K", description = "Ranking cut-off (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--exclude-seen", defaultValue = "true", arity = "1", paramLabel = "BOOL",
            description = "Exclude items the customer had in training (default: ${DEFAULT-VALUE}).")
    boolean excludeSeen;

    @Option(names = "--models", required = true, split = ",", paramLabel = "MODEL",
            description = "Models to compare, e.g. popularity,item-knn,ease.")
    List<String> models;

    @Option(names = "--model-option", paramLabel = "MODEL.KEY=VALUE",
            description = "An option for one model, repeatable, e.g. --model-option ease.lambda=500 "
                    + "--model-option auto.candidates=[ease,item-knn].")
    List<String> modelOptions = new java.util.ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output-json", paramLabel = "FILE", description = "Also write the results as JSON here.")
    Path outputJson;

    @Override
    public Integer call() {
        EvaluationProtocol protocol = protocol();
        PersonalizationPipeline.Builder builder = input.configure(PersonalizationPipeline.builder()
                .registry(PluginRegistry.discovered(EvaluateCommand.class.getClassLoader()))
                .trainingListener(DeepPersonaCli.trainingListener()))
                .evaluation(protocol);
        Map<String, Map<String, Object>> options = ModelOptions.parse(modelOptions, spec.commandLine());
        options.keySet().stream().filter(name -> models.stream().noneMatch(m -> m.strip().equals(name))).findFirst()
                .ifPresent(name -> {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--model-option names model '"
                            + name + "', which is not in --models " + models);
                });
        models.forEach(model -> builder.addModel(model.strip(), options.getOrDefault(model.strip(), Map.of())));
        PrintWriter out = spec.commandLine().getOut();
        try (PipelineResult result = builder.build().run()) {
            EvaluationReport report = EvaluationReport.of(protocol, input, models, result);
            report.printTable(out);
            if (outputJson != null) {
                report.writeJson(outputJson);
                out.println("Wrote " + outputJson);
            }
        }
        out.flush();
        return 0;
    }

    private EvaluationProtocol protocol() {
        try {
            return switch (split) {
                case EvaluationProtocol.GLOBAL -> {
                    requireFlag(testDays != null, "--split global needs --test-days N");
                    requireFlag(testFraction == null, "--test-fraction applies to --split per-customer only");
                    requireFlag(keepBaskets == null, "--keep-baskets applies to --split per-customer only");
                    yield new EvaluationProtocol(split, testDays, null, null, k, excludeSeen, seed);
                }
                case EvaluationProtocol.PER_CUSTOMER -> {
                    requireFlag(testFraction != null, "--split per-customer needs --test-fraction F");
                    requireFlag(testDays == null, "--test-days applies to --split global only");
                    yield new EvaluationProtocol(split, null, testFraction, keepBaskets, k, excludeSeen, seed);
                }
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--split must be global or per-customer, got '" + split + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
        }
    }

    private void requireFlag(boolean ok, String message) {
        if (!ok) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
