package io.deeppersona.core.features;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Tiny event logs for exact-value tests; times are days after 2024-01-01T00:00Z. */
final class Logs {
    static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");

    private final ColumnarEventLogBuilder builder = ColumnarEventLog.builder();

    static Logs log() {
        return new Logs();
    }

    static Instant day(double days) {
        return DAY0.plus(Duration.ofMillis(Math.round(days * FeatureValues.DAY_MILLIS)));
    }

    Logs purchase(String customer, String item, double day, double value) {
        return add(customer, item, EventType.PURCHASE, day, 1, value, Map.of());
    }

    Logs event(String customer, String item, EventType type, double day) {
        return add(customer, item, type, day, 1, Double.NaN, Map.of());
    }

    Logs add(String customer, String item, EventType type, double day, double quantity, double value,
            Map<String, String> attributes) {
        builder.add(new CustomerEvent(customer, item, type, day(day), quantity, value, attributes));
        return this;
    }

    EventLog build() {
        return builder.build();
    }
}
