package io.deeppersona.core.eval;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.spi.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a recommender on a {@link Split} by ranking the full catalogue for each customer, with no sampled
 * negatives. The exact protocol is in {@code docs/evaluation.md}:
 *
 * <ul>
 *   <li>catalogue: the distinct items of training rows that have a customer;</li>
 *   <li>evaluated customers: those with training rows and at least one target;</li>
 *   <li>targets: the customer's distinct test items that are in the catalogue and, with {@code excludeSeen}, not
 *       among their training items;</li>
 *   <li>query: the customer's training item ids in time order, limit K, excluding the training items when
 *       {@code excludeSeen}.</li>
 * </ul>
 *
 * <pre>{@code
 * Split split = new GlobalTimeSplit(30).split(log);
 * Model model = provider.newTrainer(Map.of(), context).train(TrainingData.of(split.train()));
 * RankingReport report = new RankingEvaluator(RankingOptions.defaults()).evaluate(model, split);
 * double ndcg = report.metric("ndcg@10");
 * }</pre>
 *
 * <p>Customers are queried in parallel when {@code parallelism > 1} (the model must then be safe for concurrent
 * {@code recommend}); per-customer results are summed in customer order, so the report does not depend on it.
 * Immutable and thread-safe.
 */
public final class RankingEvaluator {
    private static final int CHUNK = 64;

    private final RankingOptions options;

    public RankingEvaluator(RankingOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    public RankingOptions options() {
        return options;
    }

    /**
     * Evaluates {@code model} on {@code split}.
     *
     * @throws PredictionException if the model fails for a customer (wrapping its exception)
     */
    public RankingReport evaluate(Model model, Split split) {
        requireNonNull(model, "model is null");
        requireNonNull(split, "split is null");
        EvaluationSet set = EvaluationSet.of(split, options.excludeSeen());
        int users = set.customers().size();
        double[][] perCustomer = new double[users][];
        int[][] recommended = new int[users][];
        if (options.parallelism() == 1 || users <= CHUNK) {
            evaluateRange(model, set, 0, users, perCustomer, recommended);
        } else {
            runInParallel(model, set, perCustomer, recommended);
        }
        return report(set, perCustomer, recommended);
    }

    private void runInParallel(Model model, EvaluationSet set, double[][] perCustomer, int[][] recommended) {
        int users = set.customers().size();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "deeppersona-ranking-eval");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < users; from += CHUNK) {
                int start = from;
                int end = Math.min(users, from + CHUNK);
                futures.add(pool.submit(() -> evaluateRange(model, set, start, end, perCustomer, recommended)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PredictionException("ranking evaluation was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PredictionException("ranking evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void evaluateRange(Model model, EvaluationSet set, int from, int to, double[][] perCustomer,
            int[][] recommended) {
        int k = options.k();
        EventLog train = set.train();
        for (int position = from; position < to; position++) {
            EvaluationSet.Customer customer = set.customers().get(position);
            int trainCustomer = customer.trainIndex();
            List<String> history = new ArrayList<>(train.customerRowsEnd(trainCustomer)
                    - train.customerRowsStart(trainCustomer));
            Set<String> seen = new LinkedHashSet<>();
            for (int row = train.customerRowsStart(trainCustomer); row < train.customerRowsEnd(trainCustomer); row++) {
                String itemId = train.itemId(train.item(row));
                history.add(itemId);
                seen.add(itemId);
            }
            String customerId = train.customerId(trainCustomer);
            RecommendationQuery query = new RecommendationQuery(customerId, history, k,
                    options.excludeSeen() ? seen : Set.of());
            List<Recommendation> recommendations = model.recommend(query);
            int[] ranked = new int[Math.min(k, recommendations.size())];
            for (int rank = 0; rank < ranked.length; rank++) {
                ranked[rank] = set.catalogueIndex(recommendations.get(rank).itemId());
            }
            perCustomer[position] = RankingMetrics.of(ranked, customer.targets(), customer.targetCount(), k);
            recommended[position] = ranked;
        }
    }

    private RankingReport report(EvaluationSet set, double[][] perCustomer, int[][] recommended) {
        int users = perCustomer.length;
        double[] sums = new double[RankingMetrics.COUNT];
        BitSet covered = new BitSet();
        for (int position = 0; position < users; position++) {
            for (int metric = 0; metric < RankingMetrics.COUNT; metric++) {
                sums[metric] += perCustomer[position][metric];
            }
            for (int item : recommended[position]) {
                if (item >= 0) {
                    covered.set(item);
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        int k = options.k();
        for (int metric = 0; metric < RankingMetrics.COUNT; metric++) {
            metrics.put(RankingMetrics.NAMES[metric] + "@" + k, users == 0 ? 0.0 : sums[metric] / users);
        }
        int catalogue = set.catalogueSize();
        metrics.put("coverage@" + k, catalogue == 0 ? 0.0 : (double) covered.cardinality() / catalogue);
        return new RankingReport(users, metrics);
    }

    @Override
    public String toString() {
        return "RankingEvaluator" + Arrays.asList(options.k(), options.excludeSeen(), options.parallelism());
    }
}
