package io.deeppersona.core.eval;

import io.deeppersona.api.EventLog;

/** Divides an event log into training and test events; implementations are immutable and deterministic. */
public interface SplitStrategy {
    /** Returns the split of {@code log}; every row lands in exactly one side. */
    Split split(EventLog log);
}
