/**
 * Batch scoring and CRM write-back: {@link io.deeppersona.core.serving.batch.BatchScorer} scores a list of
 * customers through any {@link io.deeppersona.core.serving.Recommender} and hands the results, in customer order,
 * to a {@link io.deeppersona.core.serving.batch.ScoreSink}: CSV, JSON lines, or a JDBC table upserted in
 * transactional batches.
 */
package io.deeppersona.core.serving.batch;
