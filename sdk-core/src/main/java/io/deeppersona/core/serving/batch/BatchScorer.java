package io.deeppersona.core.serving.batch;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.serving.PropensityResponse;
import io.deeppersona.core.serving.RecommendationFilters;
import io.deeppersona.core.serving.RecommendationResponse;
import io.deeppersona.core.serving.RecommendationSource;
import io.deeppersona.core.serving.Recommender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a list of customers (top-K items and a propensity per campaign) through a {@link Recommender}, on
 * several threads, and writes the results to a {@link ScoreSink} in input order.
 *
 * <pre>{@code
 * BatchScorer scorer = BatchScorer.builder().recommender(recommender).k(10).threads(4).build();
 * try (ScoreSink sink = JdbcScoreSink.builder(connection).batchSize(500).build()) {
 *     BatchScoringReport report = scorer.score(customerIds, sink);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #score} call uses its own threads and stops them before it returns.
 * The first failure stops the run: customers before it have been handed to the sink, the sink is not
 * {@linkplain ScoreSink#finish finished}, and the caller's {@code close} discards what the sink had not made
 * durable, so a re-run (the writes are idempotent) completes the job.
 */
public final class BatchScorer {
    private static final Logger LOG = LoggerFactory.getLogger(BatchScorer.class);
    /**
     * Customers scored ahead per thread: enough to keep the threads scoring while the caller writes a whole JDBC
     * batch (500 customers, tens of ms on PostgreSQL; with 16 they sat idle through most of each write), bounded
     * to a few MB of answers.
     */
    private static final int IN_FLIGHT_PER_THREAD = 512;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Recommender recommender;
    private final int k;
    private final RecommendationFilters filters;
    private final List<String> campaigns;
    private final int threads;
    private final Clock clock;

    private BatchScorer(Builder builder) {
        this.recommender = builder.recommender;
        this.k = builder.k;
        this.filters = builder.filters;
        this.campaigns = builder.campaigns;
        this.threads = builder.threads;
        this.clock = builder.clock;
    }

    /** Returns a new builder; single-threaded and single-use. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scores every customer once (repeated ids are scored once, at their first position) and writes them to
     * {@code sink} in that order, then finishes the sink. Does not close the sink.
     *
     * @param customerIds the customers to score; none null or blank
     * @throws PredictionException if scoring a customer fails (the message gives its position, not its id)
     * @throws io.deeppersona.api.error.DataSourceException if the sink cannot be written
     */
    public BatchScoringReport score(List<String> customerIds, ScoreSink sink) {
        requireNonNull(customerIds, "customerIds is null");
        requireNonNull(sink, "sink is null");
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < customerIds.size(); i++) {
            String id = customerIds.get(i);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("customer id #" + (i + 1) + " is " + (id == null ? "null" : "blank"));
            }
            unique.add(id);
        }
        List<String> ids = List.copyOf(unique);
        // Resolved once, so every customer gets the same columns even if a version with other campaigns is
        // activated during the run (its propensity call then fails loudly rather than leaving gaps).
        List<String> runCampaigns = campaigns != null ? campaigns : List.copyOf(new TreeSet<>(recommender.campaigns()));
        ScoreLayout layout = new ScoreLayout(k, runCampaigns);

        long start = System.nanoTime();
        Tally tally = new Tally();
        sink.begin(layout);
        if (threads == 1 || ids.size() <= 1) {
            for (int i = 0; i < ids.size(); i++) {
                tally.add(sink, scoreOne(ids.get(i), layout.campaigns(), i, ids.size()));
            }
        } else {
            scoreInParallel(ids, layout.campaigns(), sink, tally);
        }
        sink.finish();
        BatchScoringReport report = new BatchScoringReport(ids.size(), customerIds.size() - ids.size(), tally.items,
                tally.bySource, tally.versions, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("Scored {} customers ({} items, {} campaigns) on {} threads in {} ms; sources {}",
                report.customers(), report.items(), runCampaigns.size(), threads, report.elapsed().toMillis(),
                report.bySource());
        return report;
    }

    private void scoreInParallel(List<String> ids, List<String> runCampaigns, ScoreSink sink, Tally tally) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
        Deque<Future<ScoredCustomer>> inFlight = new ArrayDeque<>();
        try {
            int next = 0;
            for (int written = 0; written < ids.size(); written++) {
                while (next < ids.size() && inFlight.size() < threads * IN_FLIGHT_PER_THREAD) {
                    int position = next++;
                    String id = ids.get(position);
                    Callable<ScoredCustomer> task = () -> scoreOne(id, runCampaigns, position, ids.size());
                    inFlight.add(pool.submit(task));
                }
                // Waiting on the oldest task keeps the output in input order whatever order tasks finish in.
                tally.add(sink, await(inFlight.poll()));
            }
        } finally {
            inFlight.forEach(future -> future.cancel(true));
            pool.shutdownNow();
        }
    }

    private static ScoredCustomer await(Future<ScoredCustomer> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PredictionException("Batch scoring was interrupted; the sink was not finished", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PredictionException("Batch scoring failed: " + cause, cause);
        }
    }

    private ScoredCustomer scoreOne(String customerId, List<String> runCampaigns, int position, int total) {
        try {
            RecommendationResponse response = recommender.recommend(customerId, k, filters);
            Map<String, Double> propensities = new LinkedHashMap<>();
            for (String campaign : runCampaigns) {
                PropensityResponse propensity = recommender.propensity(customerId, campaign);
                propensities.put(campaign, propensity.probability());
            }
            return new ScoredCustomer(customerId, response.modelVersion(), clock.instant(), response.source(),
                    response.items(), propensities);
        } catch (PersonalizationException | IllegalArgumentException | IllegalStateException e) {
            // The position, not the id: messages end up in logs, and customer ids must not.
            throw new PredictionException("Batch scoring failed at customer #" + (position + 1) + " of " + total
                    + ": " + e.getMessage() + "; customers before it were handed to the sink, which was not"
                    + " finished", e);
        }
    }

    private static ThreadFactory threadFactory() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "deeppersona-batch-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Counts what was written; touched by the writing thread only. */
    private static final class Tally {
        private final Map<RecommendationSource, Integer> bySource = new EnumMap<>(RecommendationSource.class);
        private final Set<String> versions = new TreeSet<>();
        private long items;

        void add(ScoreSink sink, ScoredCustomer customer) {
            sink.write(customer);
            items += customer.items().size();
            bySource.merge(customer.source(), 1, Integer::sum);
            versions.add(customer.modelVersion());
        }
    }

    /** Configures a {@link BatchScorer}. Single-threaded and single-use. */
    public static final class Builder {
        private Recommender recommender;
        private int k = 10;
        private RecommendationFilters filters = RecommendationFilters.DEFAULT;
        private List<String> campaigns;
        private int threads = 1;
        private Clock clock = Clock.systemUTC();
        private boolean built;

        private Builder() {
        }

        /** The recommender to score with; required. The scorer does not close it. */
        public Builder recommender(Recommender recommender) {
            this.recommender = requireNonNull(recommender, "recommender is null");
            return this;
        }

        /** Items per customer; default 10. */
        public Builder k(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            this.k = k;
            return this;
        }

        /** Business rules for every customer; default {@link RecommendationFilters#DEFAULT}. */
        public Builder filters(RecommendationFilters filters) {
            this.filters = requireNonNull(filters, "filters is null");
            return this;
        }

        /** The campaigns to score; default every campaign of the active version, read when a run starts. */
        public Builder campaigns(List<String> campaigns) {
            requireNonNull(campaigns, "campaigns is null");
            for (String campaign : campaigns) {
                if (campaign == null || campaign.isBlank()) {
                    throw new IllegalArgumentException("campaigns must not hold null or blank names, got "
                            + campaigns);
                }
            }
            this.campaigns = List.copyOf(new TreeSet<>(campaigns));
            return this;
        }

        /** Threads that call the recommender; default 1 (the caller's thread). */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The clock for {@link ScoredCustomer#scoredAt}; default the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * Builds the scorer.
         *
         * @throws IllegalStateException if no recommender was set or the builder was used already
         */
        public BatchScorer build() {
            if (built) {
                throw new IllegalStateException("This builder was used already; make a new one with"
                        + " BatchScorer.builder()");
            }
            if (recommender == null) {
                throw new IllegalStateException("A recommender is required: call recommender(...) before build()");
            }
            built = true;
            return new BatchScorer(this);
        }
    }
}
