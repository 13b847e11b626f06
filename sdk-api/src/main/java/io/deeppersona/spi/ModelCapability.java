package io.deeppersona.spi;

/**
 * Optional behaviours a model kind supports; contract tests skip what a provider does not claim.
 *
 * @since 0.1
 */
public enum ModelCapability {
    /** {@link Model#recommend} ranks items. */
    RECOMMEND,
    /** {@link Model#propensity} scores customers. */
    PROPENSITY,
    /** {@link Model#recommend} may be called from many threads at once. */
    CONCURRENT_RECOMMEND,
    /**
     * Training is random and takes an integer option {@code "seed"}; the pipeline passes its seed when the options
     * set none, so that one seed gives one result.
     */
    SEEDED,
    /**
     * Training cuts its own validation split from the training data and takes the options {@code "validationSplit"}
     * ({@code "global"} or {@code "per-customer"}), {@code "validationDays"} and {@code "validationFraction"}; a
     * pipeline that evaluates passes its own protocol's split through them when the options set none, so that the
     * model selects on the same kind of cut it will be judged by.
     */
    VALIDATES
}
