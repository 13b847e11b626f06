package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.spi.Model;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A propensity campaign a serving bundle can score: the model, every known customer's features as of the end of
 * the data, and the share of customers who responded in training (answered for unknown customers).
 *
 * <p>The bundle that holds a campaign owns its model and closes it.
 *
 * @param name lower-kebab campaign name, e.g. {@code "buy-next-30-days"}; also a folder name in the artifact
 * @param model a model whose {@link Model#propensity} scores the features
 * @param features customer id to that customer's features
 * @param baseRate the training positive rate, in [0, 1]
 */
public record ServingCampaign(String name, Model model, Map<String, FeatureVector> features, double baseRate) {
    private static final Pattern LOWER_KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ServingCampaign {
        requireNonNull(name, "name is null");
        if (!LOWER_KEBAB.matcher(name).matches() || name.length() > 64) {
            throw new IllegalArgumentException("campaign name must be lower-kebab like 'buy-next-30-days' and at "
                    + "most 64 characters, got '" + name + "'");
        }
        requireNonNull(model, "model is null");
        features = Map.copyOf(requireNonNull(features, "features is null"));
        if (!(baseRate >= 0 && baseRate <= 1)) {
            throw new IllegalArgumentException("baseRate of campaign '" + name + "' must be in [0, 1], got "
                    + baseRate);
        }
    }
}
