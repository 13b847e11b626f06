/**
 * Serving: the in-process {@link io.deeppersona.core.serving.Recommender} runtime, its request and response types,
 * and batch scoring.
 */
package io.deeppersona.core.serving;
