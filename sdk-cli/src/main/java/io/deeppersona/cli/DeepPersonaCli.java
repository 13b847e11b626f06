package io.deeppersona.cli;

import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.core.LoggingTrainingListener;
import io.deeppersona.core.SdkVersion;
import io.deeppersona.spi.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code deeppersona} command: evaluate, recommend and run pipelines from the shell. */
@Command(name = "deeppersona", mixinStandardHelpOptions = true, versionProvider = DeepPersonaCli.Version.class,
        description = "Personalisation with deep learning for CRM data: evaluate models, recommend items, run "
                + "pipeline specs, train and deploy, serve over HTTP, score in batch.",
        subcommands = {EvaluateCommand.class, RecommendCommand.class, RunCommand.class, TrainCommand.class,
                ServeCommand.class, ScoreCommand.class, CommandLine.HelpCommand.class})
public final class DeepPersonaCli {
    /** Exit code for a user error (bad flag value, bad data, unknown plugin), as opposed to picocli's usage 2. */
    static final int USER_ERROR = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; for tests and embedding. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Returns the configured command line; tests use it to reach a subcommand while it runs. */
    static CommandLine commandLine() {
        return new CommandLine(new DeepPersonaCli()).setExecutionExceptionHandler(DeepPersonaCli::handle);
    }

    /**
     * Our own exceptions carry messages written for the user, so print the message (and its causes' messages),
     * never a stack trace; anything else is a bug and keeps its trace.
     */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof PersonalizationException known) {
            StringBuilder message = new StringBuilder("error [").append(known.code()).append("]: ")
                    .append(known.getMessage());
            for (Throwable cause = known.getCause(); cause != null; cause = cause.getCause()) {
                String first = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
                // Library messages often repeat ours with more detail; print only what adds something.
                String gist = first.substring(0, Math.min(first.length(), 60));
                if (!gist.isEmpty() && !known.getMessage().contains(gist)) {
                    message.append(System.lineSeparator()).append("  caused by: ").append(first);
                }
            }
            commandLine.getErr().println(message);
            return USER_ERROR;
        }
        throw new IllegalStateException(e);
    }

    /** A progress bar on a terminal; plain log lines when output goes to a file or a pipe. */
    static TrainingListener trainingListener() {
        return System.console() != null ? new ProgressBarTrainingListener() : new LoggingTrainingListener();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"deeppersona " + SdkVersion.current()};
        }
    }
}
