package io.deeppersona.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;

/**
 * Drives one call over a fixed list of keys from several threads and records each call's latency in an HdrHistogram
 * (one per thread, merged at the end, so recording never contends). Thread t starts at offset t * n / threads of the
 * list and walks it cyclically, so threads ask for different customers at any moment.
 */
final class LatencyRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private LatencyRun() {
    }

    /** The merged histogram (nanoseconds), the calls made and the wall time of one run. */
    record Result(int threads, Histogram histogram, long calls, double seconds, double cpuSeconds, double loadBefore,
            double loadAfter) {
        double throughput() {
            return calls / seconds;
        }

        double millis(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e6;
        }

        String row() {
            return String.format("| %d | %,d | %.3f | %.3f | %.3f | %.3f | %,.0f | %.1f | %.1f / %.1f |", threads,
                    calls, millis(50), millis(90), millis(99), histogram.getMaxValue() / 1e6, throughput(),
                    cpuSeconds * 1e6 / calls, loadBefore, loadAfter);
        }

        static String header() {
            return "| threads | calls | p50 ms | p90 ms | p99 ms | max ms | requests/s | CPU µs/call "
                    + "| load before / after |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |";
        }
    }

    /** Calls {@code call} for {@code callsPerThread} keys on each of {@code threads} threads. */
    static <K> Result run(List<K> keys, int threads, long callsPerThread, Consumer<K> call)
            throws InterruptedException {
        double loadBefore = loadAverage();
        Histogram[] histograms = new Histogram[threads];
        // CPU time per call is what contention on a loaded machine distorts least; wall latency includes waiting.
        long[] cpuNanos = new long[threads];
        List<Thread> workers = new ArrayList<>(threads);
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
            histograms[t] = histogram;
            int offset = (int) ((long) t * keys.size() / threads);
            int index = t;
            workers.add(new Thread(() -> {
                try {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    for (long i = 0; i < callsPerThread; i++) {
                        K key = keys.get((int) ((offset + i) % keys.size()));
                        long start = System.nanoTime();
                        call.accept(key);
                        histogram.recordValue(Math.min(HIGHEST_NANOS, System.nanoTime() - start));
                    }
                    cpuNanos[index] = THREADS.getCurrentThreadCpuTime() - cpuStart;
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "latency-" + t));
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure[0] != null) {
            throw new IllegalStateException("a benchmark call failed: " + failure[0], failure[0]);
        }
        Histogram merged = new Histogram(HIGHEST_NANOS, 3);
        for (Histogram histogram : histograms) {
            merged.add(histogram);
        }
        return new Result(threads, merged, merged.getTotalCount(), seconds, LongStream.of(cpuNanos).sum() / 1e9,
                loadBefore, loadAverage());
    }

    /** Calls {@code call} once for every key, split evenly over {@code threads} threads; returns the wall seconds. */
    static <K> double once(List<K> keys, int threads, Consumer<K> call) throws InterruptedException {
        List<Thread> workers = new ArrayList<>(threads);
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) t * keys.size() / threads);
            int to = (int) ((long) (t + 1) * keys.size() / threads);
            workers.add(new Thread(() -> {
                try {
                    for (int i = from; i < to; i++) {
                        call.accept(keys.get(i));
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "score-all-" + t));
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a benchmark call failed: " + failure[0], failure[0]);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The one-minute load average, from /proc/loadavg (NaN where absent). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
