package io.deeppersona.core.serving.batch;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.TreeSet;

/**
 * The shape of one batch run, told to a {@link ScoreSink} before the first customer, so that a sink can lay out
 * columns (CSV) or prepare statements (JDBC) once.
 *
 * @param k the most items any customer gets
 * @param campaigns the campaigns scored for every customer, sorted and distinct
 */
public record ScoreLayout(int k, List<String> campaigns) {
    public ScoreLayout {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        campaigns = List.copyOf(new TreeSet<>(requireNonNull(campaigns, "campaigns is null")));
    }
}
