package io.deeppersona.core.features;

import io.deeppersona.api.error.ConfigurationException;

/**
 * Options of the {@code behaviour-matrix} extractor; absent keys keep the defaults.
 *
 * @param bucketDays the length of one time bucket in days; default 30
 * @param buckets how many buckets back from the reference time; default 12
 * @param maxCategories how many categories to keep besides {@code "other"}; default 20
 * @param level the category level of {@code Item.categoryPath()}, 0 = most general; default the leaf
 * @param logScale whether counts are {@code log1p}-scaled; default {@code true}
 */
public record BehaviourMatrixOptions(Integer bucketDays, Integer buckets, Integer maxCategories, Integer level,
        Boolean logScale) {
    public BehaviourMatrixOptions {
        bucketDays = atLeastOne("bucketDays", bucketDays, 30);
        buckets = atLeastOne("buckets", buckets, 12);
        maxCategories = atLeastOne("maxCategories", maxCategories, 20);
        if (level != null && level < 0) {
            throw new ConfigurationException("Option 'level' is " + level
                    + "; expected 0 (most general) or more, or leave it out for the leaf category");
        }
        logScale = logScale == null ? Boolean.TRUE : logScale;
    }

    /** The defaults. */
    public static BehaviourMatrixOptions defaults() {
        return new BehaviourMatrixOptions(null, null, null, null, null);
    }

    private static Integer atLeastOne(String name, Integer value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 1) {
            throw new ConfigurationException("Option '" + name + "' is " + value + "; expected at least 1");
        }
        return value;
    }
}
