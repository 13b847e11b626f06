package io.deeppersona.core.preprocess;

import io.deeppersona.api.error.ConfigurationException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Options of {@code non-product-items}.
 *
 * @param patterns regular expressions; an item whose whole id matches any of them is dropped. Case-sensitive. The
 *     default lists the non-product stock codes of the UCI Online Retail data (postage, fees, discounts, manual
 *     adjustments, gift vouchers), see {@link #UCI_ONLINE_RETAIL}
 */
public record NonProductItemsOptions(List<String> patterns) {
    /**
     * The UCI Online Retail non-product codes. {@code "M"} (manual) and {@code "m"} are distinct codes in the data,
     * hence case-sensitive matching.
     */
    public static final List<String> UCI_ONLINE_RETAIL = List.of("POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES",
            "AMAZONFEE", "CRUK", "PADS", "B", "m", "gift_0001_(10|20|30|40|50)", "DCGSSBOY", "DCGSSGIRL");

    public NonProductItemsOptions {
        patterns = patterns == null ? UCI_ONLINE_RETAIL : List.copyOf(patterns);
        for (String pattern : patterns) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                // No cause attached: option binding reports the root cause's message, which must be this one.
                throw new ConfigurationException("non-product-items option 'patterns' has an invalid regular "
                        + "expression '" + pattern + "': " + e.getDescription());
            }
        }
    }

    /** Returns the default options, the UCI Online Retail codes. */
    public static NonProductItemsOptions defaults() {
        return new NonProductItemsOptions(null);
    }
}
