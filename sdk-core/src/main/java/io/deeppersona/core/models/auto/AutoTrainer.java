package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.error.PersonalizationException;
import io.deeppersona.api.error.TrainingException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.core.eval.RankingEvaluator;
import io.deeppersona.core.eval.RankingOptions;
import io.deeppersona.core.eval.RankingReport;
import io.deeppersona.core.eval.Split;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelTrainer;
import io.deeppersona.spi.ProviderContext;
import io.deeppersona.spi.TrainingData;
import io.deeppersona.spi.TrainingListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains every candidate on the training data minus its last {@code validationDays} days, scores each on those
 * days with the {@link RankingEvaluator} (customers, targets and exclusions exactly as in the test protocol),
 * searches blend weights over the best few on the same validation rankings, and retrains the winner's
 * component(s) on all the training data with the same options. Nothing here sees test data: the caller hands in
 * the training period only.
 */
final class AutoTrainer implements ModelTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(AutoTrainer.class);

    private final AutoOptions options;
    private final List<Candidate> candidates;
    private final List<String> skipped;
    private final ProviderContext context;

    /** A candidate with its validation score and recorded rankings. */
    private record Scored(Candidate candidate, double score, ValidationRankings rankings) {
    }

    /** The best blend of the weight search. */
    private record BlendResult(List<Scored> components, double[] weights, RankingReport report) {
    }

    AutoTrainer(AutoOptions options, List<Candidate> candidates, List<String> skipped, ProviderContext context) {
        this.options = requireNonNull(options, "options is null");
        this.candidates = List.copyOf(candidates);
        this.skipped = List.copyOf(skipped);
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Model train(TrainingData data) {
        requireNonNull(data, "data is null");
        TrainingListener listener = context.trainingListener();
        listener.onTrainingStart(AutoModelProvider.NAME, candidates.size(), 0);
        Split validation = options.validationCut().split(data.events());
        RankingEvaluator evaluator = new RankingEvaluator(new RankingOptions(options.k(), true, null));
        Map<String, Double> scores = new LinkedHashMap<>();
        List<Scored> scored = new ArrayList<>();
        int users = 0;
        if (hasCustomerRows(validation.train()) && validation.test().size() > 0) {
            // Features were extracted over the whole training period, validation days included; a candidate
            // trained on them would be judged on what it already saw, so validation training gets none.
            TrainingData part = new TrainingData(validation.train(), data.catalogue(), FeatureTable.empty());
            for (Candidate candidate : candidates) {
                long start = System.nanoTime();
                ValidationRankings rankings = new ValidationRankings(candidate.name(), options.blendDepth());
                RankingReport report;
                try (Model model = train(candidate, part, "validation")) {
                    report = evaluator.evaluate(rankings.recording(model), validation);
                }
                users = report.users();
                report.metrics().forEach((metric, value) -> scores.put(candidate.name() + "/" + metric, value));
                double score = report.metric(options.metric());
                scored.add(new Scored(candidate, score, rankings));
                listener.onEpochEnd(AutoModelProvider.NAME, scored.size(), Double.NaN,
                        Map.of(candidate.name() + "/" + options.metric(), score));
                LOG.info("auto: candidate {} scored validation {} {} over {} customers (trained and validated in {} s)",
                        candidate.name(), options.metric(), format(score), users, seconds(start));
            }
        }
        List<Candidate> chosen;
        double[] weights;
        String reason;
        String blendNote = "";
        if (users == 0) {
            chosen = List.of(candidates.get(0));
            weights = new double[] {1.0};
            reason = "no validation possible: the " + describeCut() + " of the " + data.events().size()
                    + " training events leaves no customer with both earlier events and a new item in them; chose the first candidate '" + chosen.get(0).name() + "' without validation";
            scores.clear();
        } else {
            List<Scored> ranked = new ArrayList<>(scored);
            ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
            Scored best = ranked.get(0);
            BlendResult blend = options.blend() && ranked.size() >= 2 ? searchBlend(ranked, evaluator, validation)
                    : null;
            if (blend == null && options.blend() && ranked.size() >= 2) {
                blendNote = "; no blend validated better";
            }
            if (blend != null) {
                blend.report().metrics().forEach((metric, value) -> scores.put("blend/" + metric, value));
            }
            double blendScore = blend == null ? Double.NEGATIVE_INFINITY : blend.report().metric(options.metric());
            StringBuilder why = new StringBuilder();
            if (blendScore > best.score()) {
                chosen = blend.components().stream().map(Scored::candidate).toList();
                weights = blend.weights();
                why.append("blend ").append(describe(chosen, weights)).append(" scored validation ")
                        .append(options.metric()).append(' ').append(format(blendScore))
                        .append(", above the best single candidate ").append(best.candidate().name()).append(' ')
                        .append(format(best.score()));
            } else {
                chosen = List.of(best.candidate());
                weights = new double[] {1.0};
                why.append(best.candidate().name()).append(" has the best validation ").append(options.metric())
                        .append(' ').append(format(best.score()));
                why.append(options.blend() ? blendNote : "; blending is off");
            }
            why.append(". Candidates on the ").append(describeCut()).append(" (").append(users)
                    .append(" customers): ");
            for (int position = 0; position < scored.size(); position++) {
                why.append(position == 0 ? "" : ", ").append(scored.get(position).candidate().name()).append(' ')
                        .append(format(scored.get(position).score()));
            }
            reason = why.toString();
        }
        if (!skipped.isEmpty()) {
            reason += ". Skipped default candidates that are not registered: " + skipped;
        }
        reason += ".";
        listener.onTrainingEnd(AutoModelProvider.NAME, reason);
        LOG.info("auto: {}", reason);
        return retrain(data, chosen, weights, info(chosen, weights, reason, users, scores));
    }

    /**
     * Greedy forward selection: start from the best single candidate; each round tries every other candidate at
     * weight w = step, 2 step, ..., 1 - step against the current blend at 1 - w, and keeps the best addition if it
     * validates better. Picking the top few by single score instead would miss weak but complementary candidates
     * (recent popularity scores low alone and adds most to EASE).
     */
    private BlendResult searchBlend(List<Scored> ranked, RankingEvaluator evaluator, Split validation) {
        Normalisation normalisation = Normalisation.of(options.normalisation());
        List<Scored> chosen = new ArrayList<>(List.of(ranked.get(0)));
        double[] weights = {1.0};
        double bestScore = ranked.get(0).score();
        BlendResult best = null;
        long start = System.nanoTime();
        int tried = 0;
        while (chosen.size() < Math.min(options.blendComponents(), ranked.size())) {
            BlendResult round = null;
            for (Scored addition : ranked) {
                if (chosen.contains(addition)) {
                    continue;
                }
                List<Scored> components = new ArrayList<>(chosen);
                components.add(addition);
                for (int step = 1; step < options.weightSteps(); step++) {
                    double weight = (double) step / options.weightSteps();
                    double[] mixed = new double[components.size()];
                    for (int position = 0; position < weights.length; position++) {
                        mixed[position] = weights[position] * (1 - weight);
                    }
                    mixed[weights.length] = weight;
                    RankingReport report = evaluator.evaluate(replay(components, mixed, normalisation), validation);
                    tried++;
                    if (round == null || report.metric(options.metric()) > round.report().metric(options.metric())) {
                        round = new BlendResult(components, mixed, report);
                    }
                }
            }
            if (round == null || round.report().metric(options.metric()) <= bestScore) {
                break;
            }
            best = round;
            chosen = new ArrayList<>(round.components());
            weights = round.weights();
            bestScore = round.report().metric(options.metric());
        }
        LOG.info("auto: tried {} blends in {} s", tried, seconds(start));
        return best;
    }

    private AutoModel replay(List<Scored> components, double[] weights, Normalisation normalisation) {
        List<Component> replayed = new ArrayList<>();
        for (int position = 0; position < components.size(); position++) {
            Candidate candidate = components.get(position).candidate();
            replayed.add(new Component(candidate.name(), candidate.provider().name(),
                    components.get(position).rankings().replay(), weights[position], true));
        }
        return new AutoModel(new ModelInfo(AutoModelProvider.NAME, 1, Map.of(), Map.of()), replayed, normalisation,
                options.blendDepth());
    }

    private Model retrain(TrainingData data, List<Candidate> chosen, double[] weights, ModelInfo info) {
        List<Component> components = new ArrayList<>();
        try {
            for (int position = 0; position < chosen.size(); position++) {
                Candidate candidate = chosen.get(position);
                long start = System.nanoTime();
                Model model = train(candidate, data, "final");
                components.add(new Component(candidate.name(), candidate.provider().name(), model, weights[position],
                        candidate.concurrent()));
                LOG.info("auto: retrained {} on all {} training events in {} s", candidate.name(),
                        data.events().size(), seconds(start));
            }
        } catch (RuntimeException e) {
            components.forEach(component -> component.model().close());
            throw e;
        }
        return new AutoModel(info, components, Normalisation.of(options.normalisation()), options.blendDepth());
    }

    private Model train(Candidate candidate, TrainingData data, String phase) {
        try {
            return candidate.provider().newTrainer(candidate.options(), context).train(candidate.restrict(data));
        } catch (PersonalizationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TrainingException("auto: candidate '" + candidate.name() + "' failed in " + phase
                    + " training: " + e.getMessage(), e);
        }
    }

    private ModelInfo info(List<Candidate> chosen, double[] weights, String reason, int users,
            Map<String, Double> scores) {
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("candidates", candidates.stream().map(Candidate::name).toList());
        hyperparameters.put("chosen", chosen.size() == 1 ? chosen.get(0).name()
                : "blend(" + String.join(", ", chosen.stream().map(Candidate::name).toList()) + ")");
        Map<String, Double> weightByName = new LinkedHashMap<>();
        for (int position = 0; position < chosen.size(); position++) {
            weightByName.put(chosen.get(position).name(), weights[position]);
        }
        hyperparameters.put("weights", weightByName);
        hyperparameters.put("reason", reason);
        hyperparameters.put("metric", options.metric());
        hyperparameters.put("validationSplit", options.validationSplit());
        hyperparameters.put("validationDays", options.validationDays());
        hyperparameters.put("validationFraction", options.validationFraction());
        hyperparameters.put("validationCustomers", users);
        hyperparameters.put("blend", options.blend());
        hyperparameters.put("blendComponents", options.blendComponents());
        hyperparameters.put("blendDepth", options.blendDepth());
        hyperparameters.put("weightStep", options.weightStep());
        hyperparameters.put("normalisation", options.normalisation());
        hyperparameters.put("seed", options.seed());
        Map<String, Object> candidateOptions = new LinkedHashMap<>();
        Map<String, Object> trainingDays = new LinkedHashMap<>();
        Map<String, Object> providers = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            candidateOptions.put(candidate.name(), candidate.options());
            providers.put(candidate.name(), candidate.provider().name());
            if (candidate.trainingDays() > 0) {
                trainingDays.put(candidate.name(), candidate.trainingDays());
            }
        }
        hyperparameters.put("providers", providers);
        hyperparameters.put("candidateOptions", candidateOptions);
        hyperparameters.put("trainingDays", trainingDays);
        return new ModelInfo(AutoModelProvider.NAME, AutoModelProvider.PAYLOAD_VERSION, canonical(hyperparameters),
                scores);
    }

    /**
     * Returns the map as it reads back from JSON, so that a saved and loaded model has equal info (a long seed
     * would otherwise come back as an int).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> canonical(Map<String, Object> values) {
        try {
            return SdkJson.json().readValue(SdkJson.json().writeValueAsBytes(values), Map.class);
        } catch (IOException e) {
            throw new TrainingException("auto: the selection record cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private String describeCut() {
        return options.validationSplit().equals(AutoOptions.GLOBAL)
                ? "last " + options.validationDays() + " training days"
                : "last " + options.validationFraction() + " of each customer's training events";
    }

    private static boolean hasCustomerRows(EventLog log) {
        for (int row = 0; row < log.size(); row++) {
            if (log.customer(row) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String describe(List<Candidate> components, double[] weights) {
        List<String> parts = new ArrayList<>();
        for (int position = 0; position < components.size(); position++) {
            parts.add(components.get(position).name() + " " + String.format(Locale.ROOT, "%.2f", weights[position]));
        }
        return String.join(" + ", parts);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
