/**
 * The built-in preprocessing steps: deduplication, missing values, cancellations, non-product items, rare items and
 * customers, time windows, sessions, bots, pseudonymisation, personal columns and consent.
 *
 * <p>Each step has a {@link io.deeppersona.spi.PreprocessorProvider} with a stable {@code NAME} and a strict options
 * record. Filtering steps report every row they drop under exactly one reason, so rows in = rows out + the sum of
 * {@link io.deeppersona.spi.PreprocessResult#dropped()}; every declared reason appears, with 0 when unused. Steps
 * never log customer ids, only counts.
 */
package io.deeppersona.core.preprocess;
