package io.deeppersona.core.preprocess;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tiny hand-made logs and a compact row notation for preprocessor tests. */
final class TestLogs {
    static final Instant T0 = Instant.parse("2011-01-01T00:00:00Z");

    private TestLogs() {
    }

    static Instant minute(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A purchase of one unit worth 1 at {@code minutes} after T0. */
    static CustomerEvent buy(String customer, String item, int minutes) {
        return CustomerEvent.purchase(customer, item, minute(minutes), 1, 1);
    }

    static CustomerEvent event(String customer, String item, EventType type, int minutes, double quantity,
            double value, Map<String, String> attributes) {
        return new CustomerEvent(customer, item, type, minute(minutes), quantity, value, attributes);
    }

    static EventLog log(CustomerEvent... events) {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        for (CustomerEvent event : events) {
            builder.add(event);
        }
        return builder.build();
    }

    /** Rows as {@code "customer item minute"}, in log order; a missing customer shows as {@code "-"}. */
    static List<String> rows(EventLog log) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < log.size(); row++) {
            int customer = log.customer(row);
            long minutes = Duration.between(T0, Instant.ofEpochMilli(log.timestampMillis(row))).toMinutes();
            rows.add((customer < 0 ? "-" : log.customerId(customer)) + " " + log.itemId(log.item(row)) + " " + minutes);
        }
        return rows;
    }

    static List<CustomerEvent> events(EventLog log) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int row = 0; row < log.size(); row++) {
            events.add(log.event(row));
        }
        return events;
    }

    static PreprocessResult fitApply(Preprocessor step, EventLog log) {
        return step.fit(log).apply(log);
    }

    static long droppedTotal(PreprocessResult result) {
        return result.dropped().values().stream().mapToLong(Long::longValue).sum();
    }
}
