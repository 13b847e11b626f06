/**
 * The SDK's exceptions: one unchecked base, {@link io.deeppersona.api.error.PersonalizationException}, with a stable
 * {@link io.deeppersona.api.error.ErrorCode} that hosts may map to HTTP status codes or metrics.
 */
package io.deeppersona.api.error;
