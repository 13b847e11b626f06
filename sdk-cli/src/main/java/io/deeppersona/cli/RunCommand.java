package io.deeppersona.cli;

import io.deeppersona.core.ModelResult;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.core.PipelineSpec;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.api.StageReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deeppersona run --spec FILE}: runs a pipeline written as YAML or JSON. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a pipeline spec (YAML or JSON naming plugins and their options).")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "FILE", description = "The pipeline spec.")
    Path specFile;

    @Override
    public Integer call() {
        PipelineSpec pipelineSpec = PipelineSpec.read(specFile);
        PrintWriter out = spec.commandLine().getOut();
        try (PipelineResult result = pipelineSpec
                .toBuilder(PluginRegistry.discovered(RunCommand.class.getClassLoader()))
                .trainingListener(DeepPersonaCli.trainingListener()).build().run()) {
            out.printf("%-36s %12s %12s %10s  %s%n", "stage", "rows in", "rows out", "ms", "dropped");
            for (StageReport stage : result.stages()) {
                out.printf("%-36s %,12d %,12d %10d  %s%n", stage.stage(), stage.rowsIn(), stage.rowsOut(),
                        stage.elapsed().toMillis(), stage.dropped().isEmpty() ? "" : stage.dropped());
            }
            for (ModelResult model : result.models().values()) {
                out.printf("model %-14s trained in %.2f s; users %d; %s%n", model.name(), model.trainSeconds(),
                        model.users(), model.metrics());
            }
        }
        out.flush();
        return 0;
    }
}
