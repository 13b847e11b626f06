package io.deeppersona.benchmarks;

import static java.util.Objects.requireNonNull;

import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.serving.DeployedRecommender;
import io.deeppersona.core.serving.Recommender;
import io.deeppersona.server.DeepPersonaServer;
import io.deeppersona.server.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop HTTP load generator: sends requests at a fixed rate for a fixed time and prints p50/p90/p99/max latency
 * (HdrHistogram), errors and the achieved rate.
 *
 * <p>Latency is measured from each request's <em>scheduled</em> send time, not from when a worker got round to
 * sending it, so a stalled server shows up as latency instead of as fewer requests (no coordinated omission).
 * Requests run on a bounded pool of worker threads; a request that finds the pool and its queue full counts as
 * dropped, since the generator itself could not keep the rate.
 *
 * <pre>
 * bin/benchmark HttpLoadBenchmark --url http://127.0.0.1:8080 --token-file token.txt --rate 500 --duration 60
 *     [--warmup 5] [--threads 32] [--path '/v1/customers/{id}/recommendations?k=10']
 *     [--customers ids.txt | --customer-count 1000] [--seed 42]
 * </pre>
 *
 * <p>{@link #inProcess(Recommender)} serves a recommender in this JVM on an ephemeral port and returns it as a
 * {@link Target}. {@code --model-dir DIR} (instead of {@code --url}) does so for the active version of a model
 * folder, and loads every customer that version knows unless {@code --customers} or {@code --customer-count} says
 * otherwise:
 * <pre>
 * bin/benchmark HttpLoadBenchmark --model-dir models --rate 500 --duration 60
 * </pre>
 */
public final class HttpLoadBenchmark {
    private static final String DEFAULT_PATH = "/v1/customers/{id}/recommendations?k=10";
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private HttpLoadBenchmark() {
    }

    /** Where the load goes: a base URL and the bearer token it needs; closing stops an in-process server. */
    public record Target(URI baseUrl, String token, List<String> customerIds, Runnable stop) implements AutoCloseable {
        /**
         * @param customerIds the customers the target knows, if it can tell (an in-process model folder can); else
         *     empty
         * @param stop what closing does: stop a server this JVM runs, or nothing
         */
        public Target {
            requireNonNull(baseUrl, "baseUrl is null");
            requireNonNull(token, "token is null");
            customerIds = List.copyOf(customerIds);
            requireNonNull(stop, "stop is null");
        }

        @Override
        public void close() {
            stop.run();
        }
    }

    /** How to load the target. */
    public record Settings(String pathTemplate, List<String> customerIds, int rate, Duration duration,
            Duration warmup, int threads, long seed) {
        public Settings {
            requireNonNull(pathTemplate, "pathTemplate is null");
            customerIds = List.copyOf(customerIds);
            if (customerIds.isEmpty()) {
                throw new IllegalArgumentException("at least one customer id is needed");
            }
            if (rate < 1 || threads < 1 || duration.isNegative() || duration.isZero() || warmup.isNegative()) {
                throw new IllegalArgumentException("rate and threads must be >= 1, duration > 0, warmup >= 0");
            }
        }
    }

    /** What one run measured (the warm-up excluded). Latencies in nanoseconds. */
    public record Result(long requests, long errors, long dropped, Map<String, Long> errorsByKind,
            double achievedRate, Histogram latency) {
        public long percentileNanos(double percentile) {
            return latency.getValueAtPercentile(percentile);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        try (Target target = target(options)) {
            Settings settings = new Settings(options.getOrDefault("path", DEFAULT_PATH), customers(options, target),
                    Integer.parseInt(options.getOrDefault("rate", "500")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "60"))),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "5"))),
                    Integer.parseInt(options.getOrDefault("threads", "32")),
                    Long.parseLong(options.getOrDefault("seed", "42")));
            System.out.printf("HTTP load: GET %s%s at %d req/s for %d s (warm-up %d s), %d threads, %d customers%n",
                    target.baseUrl(), settings.pathTemplate(), settings.rate(), settings.duration().toSeconds(),
                    settings.warmup().toSeconds(), settings.threads(), settings.customerIds().size());
            print(run(target, settings), settings);
        }
    }

    private static Target target(Map<String, String> options) throws IOException {
        if (options.containsKey("model-dir")) {
            return fromModelDir(Path.of(options.get("model-dir")));
        }
        String url = requireOption(options, "url");
        String token = options.containsKey("token-file")
                ? ServerOptions.readToken(Path.of(options.get("token-file")))
                : requireOption(options, "token");
        URI base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        return new Target(base, token, List.of(), () -> { });
    }

    /**
     * Opens the active version of a model folder ({@code deeppersona train --model-dir}) and serves it in-process;
     * closing the target stops the server, then frees the models. Its customers are the version's known customers.
     */
    public static Target fromModelDir(Path modelDir) {
        DeployedRecommender recommender = DeployedRecommender.open(modelDir,
                PluginRegistry.discovered(HttpLoadBenchmark.class.getClassLoader()));
        if (recommender.activeVersion().isEmpty()) {
            recommender.close();
            throw new IllegalArgumentException("--model-dir " + modelDir + " has no deployed version; deploy one with"
                    + " 'deeppersona train ... --model-dir " + modelDir + "'");
        }
        Target served;
        try {
            served = inProcess(recommender);
        } catch (RuntimeException e) {
            recommender.close();
            throw e;
        }
        return new Target(served.baseUrl(), served.token(), recommender.knownCustomers(), () -> {
            try {
                served.close();
            } finally {
                recommender.close();
            }
        });
    }

    /** Serves {@code recommender} on 127.0.0.1 (ephemeral port, random token) until the target is closed. */
    public static Target inProcess(Recommender recommender) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        DeepPersonaServer server = DeepPersonaServer.start(recommender, ServerOptions.builder().port(0).token(token)
                .maxThreads(64).build());
        return new Target(URI.create(server.baseUrl()), token, List.of(), server::close);
    }

    /** Runs the warm-up and the measured phase; blocks for their duration plus the tail of the last requests. */
    public static Result run(Target target, Settings settings) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // The queue holds at most one second of requests: beyond that the generator, not the server, is the limit.
        ThreadPoolExecutor workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.rate()), daemonThreads());
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
        Counters warm = new Counters();
        Counters measured = new Counters();
        SplittableRandom random = new SplittableRandom(settings.seed());
        String authorization = "Bearer " + target.token();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / settings.rate();
        long warmupNanos = settings.warmup().toNanos();
        long total = (warmupNanos + settings.duration().toNanos()) / periodNanos;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * periodNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean inWarmup = scheduled - start < warmupNanos;
            Counters counters = inWarmup ? warm : measured;
            String id = settings.customerIds().get(random.nextInt(settings.customerIds().size()));
            URI uri = URI.create(target.baseUrl() + settings.pathTemplate().replace("{id}",
                    URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization).GET().build();
            try {
                workers.execute(() -> send(client, request, scheduled, inWarmup ? null : recorder, counters));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                counters.dropped.increment();
            }
        }
        long measuredEnd = System.nanoTime();
        workers.shutdown();
        if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        double seconds = (measuredEnd - start - warmupNanos) / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        long requests = measured.completed.get();
        return new Result(requests, measured.errors(), measured.dropped.sum(), new TreeMap<>(measured.errorsByKind),
                requests / seconds, histogram);
    }

    private static void send(HttpClient client, HttpRequest request, long scheduled, Recorder recorder,
            Counters counters) {
        String error = null;
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                error = "HTTP " + response.statusCode();
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long latency = Math.min(System.nanoTime() - scheduled, MAX_LATENCY_NANOS);
        counters.completed.incrementAndGet();
        if (error != null) {
            counters.errorsByKind.merge(error, 1L, Long::sum);
        }
        if (recorder != null) {
            recorder.recordValue(latency);
        }
    }

    private static void print(Result result, Settings settings) {
        System.out.printf("%-10s %8s %8s %11s %9s %9s %9s %9s %9s%n", "requests", "errors", "dropped",
                "achieved/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms");
        System.out.printf("%-10d %8d %8d %11.1f %9.3f %9.3f %9.3f %9.3f %9.3f%n", result.requests(),
                result.errors(), result.dropped(), result.achievedRate(), ms(result.percentileNanos(50)),
                ms(result.percentileNanos(90)), ms(result.percentileNanos(99)), ms(result.percentileNanos(99.9)),
                ms(result.latency().getMaxValue()));
        result.errorsByKind().forEach((kind, count) -> System.out.printf("  errors %-24s %d%n", kind, count));
        if (result.achievedRate() < settings.rate() * 0.99) {
            System.out.printf("  note: achieved %.1f req/s of %d requested%n", result.achievedRate(),
                    settings.rate());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static List<String> customers(Map<String, String> options, Target target) throws IOException {
        if (options.containsKey("customers")) {
            return Files.readAllLines(Path.of(options.get("customers"))).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
        if (!target.customerIds().isEmpty() && !options.containsKey("customer-count")) {
            return target.customerIds();
        }
        int count = Integer.parseInt(options.getOrDefault("customer-count", "1000"));
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(Integer.toString(12_346 + i));
        }
        return ids;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String requireOption(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required (see the class Javadoc for usage)");
        }
        return value;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicLong n = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, "http-load-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Per-phase tallies; {@code completed} includes errors. */
    private static final class Counters {
        final AtomicLong completed = new AtomicLong();
        final LongAdder dropped = new LongAdder();
        final Map<String, Long> errorsByKind = new ConcurrentHashMap<>();

        long errors() {
            return errorsByKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
