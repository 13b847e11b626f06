package io.deeppersona.testkit;

import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.EventType;
import java.util.Random;

/**
 * Small, seeded event logs with structure a recommender can learn: customers belong to taste groups, and each group
 * mostly buys from its own slice of the items.
 */
public final class SyntheticEvents {
    private SyntheticEvents() {
    }

    /**
     * Returns a log of {@code customers} customers ({@code "c0"}, ...) buying from {@code items} items
     * ({@code "i0"}, ...) in four taste groups; the same seed always gives the same log.
     */
    public static EventLog purchases(EventLogBuilder builder, int customers, int items, int eventsPerCustomer,
            long seed) {
        if (customers < 1 || items < 4 || eventsPerCustomer < 1) {
            throw new IllegalArgumentException("need >= 1 customer, >= 4 items and >= 1 event per customer, got "
                    + customers + ", " + items + ", " + eventsPerCustomer);
        }
        Random random = new Random(seed);
        long start = 1_700_000_000_000L;
        int groups = 4;
        int slice = items / groups;
        for (int customer = 0; customer < customers; customer++) {
            int group = customer % groups;
            long time = start + random.nextInt(86_400_000);
            for (int event = 0; event < eventsPerCustomer; event++) {
                int item = random.nextDouble() < 0.8
                        ? group * slice + random.nextInt(slice)
                        : random.nextInt(items);
                time += 60_000L + random.nextInt(3_600_000);
                builder.add("c" + customer, "i" + item, EventType.PURCHASE, time, 1f, 10f);
            }
        }
        return builder.build();
    }
}
