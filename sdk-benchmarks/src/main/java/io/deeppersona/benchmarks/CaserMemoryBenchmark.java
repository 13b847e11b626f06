package io.deeppersona.benchmarks;

import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.PipelineResult;
import io.deeppersona.spi.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;

/**
 * Does {@code caser-cnn} leak over a long training? Trains it for {@code epochs} epochs (default 20, no validation,
 * so every epoch runs) on cleaned UCI Online Retail and prints, after each epoch, the process's resident set (RSS,
 * from /proc/self/status), the Java heap in use after a GC, and the off-heap bytes JavaCPP (ND4J's allocator)
 * tracks. A leak shows as RSS or off-heap growing epoch after epoch; a steady state shows as flat lines.
 *
 * <p>{@code JAVA_OPTS="-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=5G"
 * OMP_NUM_THREADS=1 bin/benchmark CaserMemoryBenchmark [epochs] [key=value caser-cnn options...]}
 */
public final class CaserMemoryBenchmark {
    private CaserMemoryBenchmark() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 && !args[0].contains("=") ? Integer.parseInt(args[0]) : 20;
        Map<String, Object> options = new HashMap<>(Map.of("maxEpochs", epochs, "validationDays", 0));
        for (String arg : args) {
            if (arg.contains("=")) {
                String[] kv = arg.split("=", 2);
                options.put(kv[0], kv[1].matches("-?[0-9]+") ? (Object) Integer.parseInt(kv[1])
                        : kv[1].matches("true|false") ? (Object) Boolean.parseBoolean(kv[1])
                        : (Object) Double.parseDouble(kv[1]));
            }
        }
        OnlineRetail.data();  // fails at once, naming the path, when the data is absent
        System.out.printf("caser-cnn %s; maxbytes %,d, maxphysicalbytes %,d, heap max %,d%n", options,
                Pointer.maxBytes(), Pointer.maxPhysicalBytes(), Runtime.getRuntime().maxMemory());
        System.out.printf("%5s %9s %10s %10s %10s %12s%n", "epoch", "loss", "RSS MiB", "heap MiB", "offheap MiB",
                "epoch s");
        long[] started = {System.nanoTime()};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onTrainingStart(String model, int maxEpochs, long samplesPerEpoch) {
                report(0, Double.NaN, 0);
                started[0] = System.nanoTime();
            }

            @Override
            public void onEpochEnd(String model, int epoch, double loss, Map<String, Double> validation) {
                double seconds = (System.nanoTime() - started[0]) / 1e9;
                report(epoch, loss, seconds);
                started[0] = System.nanoTime();
            }
        };
        PersonalizationPipeline pipeline = OnlineRetail.pipeline(
                        PluginRegistry.discovered(CaserMemoryBenchmark.class.getClassLoader()))
                .addModel("caser-cnn", options)
                .trainingListener(listener)
                .noEvaluation()
                .build();
        try (PipelineResult result = pipeline.run()) {
            report(-1, Double.NaN, 0);
        }
    }

    private static void report(int epoch, double loss, double seconds) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        double heap = (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
        System.out.printf("%5s %9.4f %10.1f %10.1f %10.1f %12.1f%n", epoch < 0 ? "end" : epoch, loss,
                rssBytes() / 1048576.0, heap, Pointer.totalBytes() / 1048576.0, seconds);
    }

    private static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
