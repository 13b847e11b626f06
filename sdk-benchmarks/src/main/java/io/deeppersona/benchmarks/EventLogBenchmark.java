package io.deeppersona.benchmarks;

import io.deeppersona.api.EventType;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.SplittableRandom;

/**
 * Measures how fast the columnar event log ingests synthetic events and how many bytes each event retains.
 *
 * <p>Retained bytes are measured, not estimated: heap used after a full GC with the log alive, minus heap used
 * after a full GC before building (ids are pre-generated strings, as a parser would hand them over, and are
 * counted in the baseline, so the figure is the log's own cost: columns plus dictionaries).
 *
 * <p>Run: {@code ./mvnw -q -pl sdk-benchmarks -am install -DskipTests && java -Xmx12g -cp
 * "sdk-benchmarks/target/classes:$(cat sdk-benchmarks/target/classpath.txt)"
 * io.deeppersona.benchmarks.EventLogBenchmark 1000000 10000000} (see docs/benchmarks.md for the exact script).
 */
public final class EventLogBenchmark {
    private static final long T0 = 1_291_161_600_000L; // 2010-12-01T00:00:00Z

    private EventLogBenchmark() {
    }

    public static void main(String[] args) {
        long[] sizes = args.length == 0 ? new long[] {1_000_000, 10_000_000} : parse(args);
        System.out.printf("%-12s %10s %10s %14s %16s %18s%n", "events", "customers", "items", "build events/s",
                "retained B/event", "estimated B/event");
        for (long size : sizes) {
            run((int) size);
        }
    }

    private static long[] parse(String[] args) {
        long[] sizes = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            sizes[i] = Long.parseLong(args[i]);
        }
        return sizes;
    }

    private static void run(int events) {
        // Shop-like shape: 1 customer per 100 events, 1 item per 1,000 events (at least 1,000).
        int customers = Math.max(1, events / 100);
        int items = Math.max(1_000, events / 1_000);
        String[] customerIds = new String[customers];
        for (int c = 0; c < customers; c++) {
            customerIds[c] = Integer.toString(12_346 + c);
        }
        String[] itemIds = new String[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = "SKU" + (10_000 + i);
        }
        SplittableRandom random = new SplittableRandom(42);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);

        long start = System.nanoTime();
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        for (int e = 0; e < events; e++) {
            builder.add(customerIds[random.nextInt(customers)], itemIds[random.nextInt(items)], EventType.PURCHASE,
                    T0 + random.nextLong(31_536_000_000L), 1 + random.nextInt(12), (float) (random.nextDouble() * 20));
        }
        ColumnarEventLog log = builder.build();
        double seconds = (System.nanoTime() - start) / 1e9;
        builder = null;

        long after = usedAfterGc(memory);
        double retained = (double) (after - before) / log.size();
        System.out.printf("%-12d %10d %10d %14.0f %16.1f %18.1f%n", log.size(), customers, items,
                log.size() / seconds, retained, (double) log.estimatedBytes() / log.size());
        // Keep the ids and the log reachable until after the measurement.
        if (log.customerCount() > customerIds.length || itemIds.length == 0) {
            throw new AssertionError("unexpected dictionary size");
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
