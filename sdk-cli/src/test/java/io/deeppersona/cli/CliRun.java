package io.deeppersona.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import picocli.CommandLine;

/** Runs the command line in-process with its output captured, and deploys a tiny model to serve and score. */
record CliRun(int exitCode, String out, String err) {
    static final String TOKEN = "test-token-0123456789abcdef";

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = DeepPersonaCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Writes {@code dir/events.csv} (columns {@code cust;sku;day}, epoch seconds, and {@code country} UK/FR when
     * asked): 60 customers c0..c59 buy 25 times each over 90 days from 40 items i0..i39, each preferring one "taste"
     * block of ten; seeded, so every call writes the same events.
     */
    static Path writeTasteEvents(Path dir, boolean withCountry) throws IOException {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>(List.of("cust;sku;day" + (withCountry ? ";country" : "")));
        for (int c = 0; c < 60; c++) {
            int taste = c % 4;
            for (int e = 0; e < 25; e++) {
                int item = taste * 10 + random.nextInt(10);
                lines.add("c" + c + ";i" + item + ";" + (1_300_000_000L + random.nextInt(90) * 86_400L)
                        + (withCountry ? ";" + (c % 2 == 0 ? "UK" : "FR") : ""));
            }
        }
        return Files.write(dir.resolve("events.csv"), lines);
    }

    /**
     * Trains item-knn on 60 customers (c0..c59, each preferring one block of ten items i0..i39) and deploys it
     * into {@code dir/models}, which it returns.
     */
    static Path deployTinyModel(Path dir) throws IOException {
        return deployTinyModel(dir, "item-knn");
    }

    /** As {@link #deployTinyModel(Path)}, with another model. */
    static Path deployTinyModel(Path dir, String model) throws IOException {
        Path events = writeTasteEvents(dir, false);
        Path models = dir.resolve("models");
        CliRun train = run("train", "--events", events.toString(), "--delimiter", ";", "--customer-col", "cust",
                "--item-col", "sku", "--time-col", "day", "--time-format", "epoch-seconds", "--models", model,
                "--model-dir", models.toString());
        if (train.exitCode() != 0) {
            throw new AssertionError("train failed: " + train);
        }
        return models;
    }

    static Path writeToken(Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
