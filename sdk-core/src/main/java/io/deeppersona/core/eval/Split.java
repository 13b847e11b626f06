package io.deeppersona.core.eval;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.EventLog;

/**
 * A log divided into the events a model trains on and the events it is judged on. Both logs are filtered from one
 * log, so they share its dictionaries.
 *
 * @param train the events to train on
 * @param test the held-out events
 */
public record Split(EventLog train, EventLog test) {
    public Split {
        requireNonNull(train, "train is null");
        requireNonNull(test, "test is null");
    }
}
