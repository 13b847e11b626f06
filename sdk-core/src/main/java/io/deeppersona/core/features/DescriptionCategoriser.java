package io.deeppersona.core.features;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Derives a coarse item category from a free-text product description, for catalogues that have none (UCI Online
 * Retail knows only "WHITE HANGING HEART T-LIGHT HOLDER").
 *
 * <p>The category is the product noun: the description is lower-cased and split into words, words that describe
 * rather than name the product (colours, materials, sizes, pack words, patterns and themes: see
 * {@link #STOP_WORDS}) and words with digits are removed, and the last remaining word is made simply singular
 * ({@code "holders"} becomes {@code "holder"}). English product titles put the head noun last, so this works for
 * most of them; it is a word heuristic, not a taxonomy: "hot water bottle" and "water bottle" agree, but a
 * "candleholder" is not a "holder", and a title ending in an unlisted theme word gets that word. Nouns shared by
 * fewer than {@code minItems} items become {@value CategoryVocabulary#OTHER}, as do descriptions with no noun left.
 *
 * <p>Immutable and thread-safe.
 */
public final class DescriptionCategoriser {
    /** The default smallest number of items a noun needs to be a category of its own. */
    public static final int DEFAULT_MIN_ITEMS = 5;

    /** Colour words, including shop spellings such as "multicolour". */
    public static final Set<String> COLOURS = Set.of("black", "blue", "brown", "cream", "gold", "golden", "green",
            "grey", "gray", "ivory", "lilac", "multicolour", "orange", "pastel", "pink", "purple", "red", "silver",
            "turquoise", "white", "yellow", "colour", "colours", "colored", "coloured", "bright", "clear", "natural");
    /** Material words. */
    public static final Set<String> MATERIALS = Set.of("metal", "zinc", "glass", "wooden", "wood", "wicker",
            "ceramic", "enamel", "felt", "paper", "cotton", "silk", "lace", "porcelain", "china", "crystal",
            "diamante", "acrylic", "plastic", "leather", "velvet", "linen", "jute", "rattan", "iron", "copper",
            "steel", "tinplate", "knitted", "glitter", "beaded", "flock");
    /** Size words. */
    public static final Set<String> SIZES = Set.of("large", "small", "medium", "mini", "jumbo", "giant", "big",
            "tiny", "size", "xl", "l", "m", "s", "xs", "long", "short", "tall");
    /** Pack and quantity words. */
    public static final Set<String> PACKS = Set.of("set", "sets", "pack", "packs", "of", "assorted", "pcs",
            "piece", "pieces", "pair", "in", "and", "with", "the", "a", "for", "&");
    /** Pattern and theme words that shops append after the noun ("LUNCH BAG SPACEBOY DESIGN"). */
    public static final Set<String> PATTERNS = Set.of("design", "designs", "retrospot", "polkadot", "spotty",
            "spot", "spots", "stripe", "stripes", "striped", "paisley", "floral", "vintage", "retro", "spaceboy",
            "woodland", "christmas", "london", "skull", "skulls", "dolly", "girl", "boy", "scandinavian",
            "edwardian", "regency");
    /** Every word removed before the last word is taken: the union of the groups above. */
    public static final Set<String> STOP_WORDS = Stream.of(COLOURS, MATERIALS, SIZES, PACKS, PATTERNS)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private static final Map<String, String> IRREGULAR_PLURALS = Map.of("knives", "knife", "cookies", "cookie",
            "scissors", "scissors", "leaves", "leaf", "shelves", "shelf", "series", "series", "children", "child");

    private final int minItems;

    /**
     * @param minItems the smallest number of items a noun needs to be its own category, at least 1
     * @throws IllegalArgumentException if {@code minItems < 1}
     */
    public DescriptionCategoriser(int minItems) {
        if (minItems < 1) {
            throw new IllegalArgumentException("minItems must be at least 1, got " + minItems);
        }
        this.minItems = minItems;
    }

    /** A categoriser with {@link #DEFAULT_MIN_ITEMS}. */
    public static DescriptionCategoriser withDefaults() {
        return new DescriptionCategoriser(DEFAULT_MIN_ITEMS);
    }

    public int minItems() {
        return minItems;
    }

    /** Returns the product noun of {@code description}, or {@code ""} when no word is left (or it is null). */
    public String noun(String description) {
        if (description == null) {
            return "";
        }
        String last = "";
        for (String raw : description.toLowerCase(Locale.ROOT).split("[\\s,/()+.!\"]+")) {
            // Trim quotes and dashes at the ends but keep inner hyphens: "t-light" stays one word.
            String word = raw.replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
            if (word.isEmpty() || word.chars().anyMatch(Character::isDigit) || STOP_WORDS.contains(word)) {
                continue;
            }
            String singular = singular(word);
            if (singular.length() > 1 && !STOP_WORDS.contains(singular)) {
                last = singular;
            }
        }
        return last;
    }

    /**
     * Returns a simple English singular: {@code "boxes" -> "box"}, {@code "doilies" -> "doily"},
     * {@code "candles" -> "candle"}, a few irregular words by table; words ending in "ss", "us" or "is" are kept.
     */
    public static String singular(String word) {
        requireNonNull(word, "word is null");
        String irregular = IRREGULAR_PLURALS.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * Returns the category of each item, keyed like {@code descriptionByItem} and in its order: the item's noun
     * when at least {@code minItems} items share it, otherwise {@value CategoryVocabulary#OTHER}.
     */
    public Map<String, String> categorise(Map<String, String> descriptionByItem) {
        requireNonNull(descriptionByItem, "descriptionByItem is null");
        Map<String, String> nounByItem = new LinkedHashMap<>();
        Map<String, Integer> itemsPerNoun = new HashMap<>();
        descriptionByItem.forEach((item, description) -> {
            String noun = noun(description);
            nounByItem.put(item, noun);
            if (!noun.isEmpty()) {
                itemsPerNoun.merge(noun, 1, Integer::sum);
            }
        });
        Map<String, String> categoryByItem = new LinkedHashMap<>();
        nounByItem.forEach((item, noun) -> categoryByItem.put(item,
                noun.isEmpty() || itemsPerNoun.get(noun) < minItems ? CategoryVocabulary.OTHER : noun));
        return categoryByItem;
    }

    /** Returns the stop words sorted, for documentation and reports. */
    public static List<String> sortedStopWords() {
        List<String> words = new ArrayList<>(STOP_WORDS);
        words.sort(null);
        return words;
    }
}
