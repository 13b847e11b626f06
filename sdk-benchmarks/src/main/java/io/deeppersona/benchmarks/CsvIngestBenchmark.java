package io.deeppersona.benchmarks;

import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.source.CsvDataSourceProvider;
import io.deeppersona.core.source.ErrorPolicy;
import io.deeppersona.core.source.Ingest;
import io.deeppersona.core.source.IngestResult;
import io.deeppersona.spi.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures CSV ingest end to end (file -> parser -> columnar event log) on synthetic shop events, and the bytes each
 * event retains in the finished log.
 *
 * <p>Each size is read twice in one JVM: the first pass includes JIT warm-up, the second shows the steady rate a
 * long-running host sees. Run with {@code bin/benchmark CsvIngestBenchmark 1000000 10000000}.
 */
public final class CsvIngestBenchmark {
    private static final long T0_SECONDS = 1_291_161_600L; // 2010-12-01T00:00:00Z

    private CsvIngestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[] {1_000_000, 10_000_000} : new int[args.length];
        for (int i = 0; i < args.length; i++) {
            sizes[i] = Integer.parseInt(args[i]);
        }
        Path dir = Files.createTempDirectory("deeppersona-ingest");
        System.out.printf("%-12s %10s %12s %16s %16s %18s%n", "events", "file MB", "pass", "events/s",
                "retained B/event", "estimated B/event");
        for (int size : sizes) {
            Path file = write(dir.resolve("events-" + size + ".csv"), size);
            for (String pass : new String[] {"first", "second"}) {
                measure(file, size, pass);
            }
            Files.delete(file);
        }
        Files.delete(dir);
    }

    private static Path write(Path file, int events) throws IOException {
        int customers = Math.max(1, events / 100);
        int items = Math.max(1_000, events / 1_000);
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("customer_id,item_id,ts,quantity,unit_price\n");
            for (int e = 0; e < events; e++) {
                out.write(Integer.toString(12_346 + random.nextInt(customers)));
                out.write(",SKU");
                out.write(Integer.toString(10_000 + random.nextInt(items)));
                out.write(',');
                out.write(Long.toString(T0_SECONDS + random.nextLong(31_536_000L)));
                out.write(',');
                out.write(Integer.toString(1 + random.nextInt(12)));
                out.write(',');
                out.write(Integer.toString(random.nextInt(2_000) / 100));
                out.write(".");
                out.write(Integer.toString(10 + random.nextInt(90)));
                out.write('\n');
            }
        }
        return file;
    }

    private static void measure(Path file, int size, String pass) throws IOException {
        DefaultProviderContext context = DefaultProviderContext.create();
        DataSource source = new CsvDataSourceProvider().create(Map.of("path", file.toString(),
                "customer", "customer_id", "item", "item_id", "time", "ts", "timeFormat", "epoch-seconds",
                "quantity", "quantity", "price", "unit_price"), context);
        long before = usedAfterGc();
        long start = System.nanoTime();
        IngestResult result = Ingest.read(source, ErrorPolicy.FAIL_FAST, null, context);
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        if (result.accepted() != size) {
            throw new AssertionError("accepted " + result.accepted() + " of " + size);
        }
        System.out.printf("%-12d %10.0f %12s %16.0f %16.1f %18.1f%n", size, Files.size(file) / 1e6, pass,
                size / seconds, (double) (after - before) / size,
                (double) result.events().estimatedBytes() / size);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
