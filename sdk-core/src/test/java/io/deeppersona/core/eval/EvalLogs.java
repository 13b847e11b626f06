package io.deeppersona.core.eval;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;

/** Builds tiny logs for evaluation tests from "customer item day[:hour]" lines. */
final class EvalLogs {
    static final long DAY = 86_400_000L;

    private EvalLogs() {
    }

    static EventLog of(String... events) {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        for (String event : events) {
            String[] parts = event.split(" ");
            String[] time = parts[2].split(":");
            long millis = Long.parseLong(time[0]) * DAY + (time.length > 1 ? Long.parseLong(time[1]) * 3_600_000L : 0);
            builder.add(parts[0], parts[1], EventType.PURCHASE, millis, 1f, 1f);
        }
        return builder.build();
    }

    static String rows(EventLog log) {
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < log.size(); row++) {
            if (row > 0) {
                out.append(", ");
            }
            out.append(log.customerId(log.customer(row))).append(' ').append(log.itemId(log.item(row)));
        }
        return out.toString();
    }
}
