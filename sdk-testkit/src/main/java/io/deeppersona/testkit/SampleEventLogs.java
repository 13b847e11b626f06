package io.deeppersona.testkit;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventLogBuilder;
import io.deeppersona.api.EventType;
import io.deeppersona.api.Item;
import io.deeppersona.core.DefaultProviderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small, seeded event logs and a catalogue for contract tests: the same bytes on every run.
 *
 * <p>The training log has customers {@code c00..c19} and items {@code i00..i14} over 90 days, with views,
 * add-to-carts and purchases, some unknown quantities and values, some events without a customer, and an
 * {@code InvoiceNo} attribute on purchases. The later log runs from day 80 to day 120 with customers
 * {@code c10..c29} and items {@code i10..i24}, so half of both are unseen in training, and it adds a
 * {@code click} type training never had.
 */
public final class SampleEventLogs {
    /** Day 0 of the sample logs. */
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private SampleEventLogs() {
    }

    /** Returns the training log. */
    public static EventLog training() {
        return generate(new Random(42), 0, 20, 0, 15, 0, 90, 400,
                List.of(EventType.VIEW, EventType.ADD_TO_CART, EventType.PURCHASE));
    }

    /** Returns the later log, with unseen customers, items and an unseen event type. */
    public static EventLog later() {
        return generate(new Random(7), 10, 30, 10, 25, 80, 120, 300,
                List.of(EventType.VIEW, EventType.PURCHASE, EventType.CLICK));
    }

    /** Returns a catalogue of the training items with two-level categories; later items are absent from it. */
    public static Catalogue catalogue() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            items.add(new Item(itemId(i), "Item " + i, List.of("dept" + (i % 3), "cat" + (i % 5)), 1 + i,
                    Map.of()));
        }
        return Catalogue.of(items);
    }

    private static EventLog generate(Random random, int firstCustomer, int endCustomer, int firstItem,
            int endItem, int firstDay, int endDay, int events, List<EventType> types) {
        EventLogBuilder builder = DefaultProviderContext.create().newEventLogBuilder();
        for (int n = 0; n < events; n++) {
            boolean anonymous = random.nextInt(25) == 0;
            String customer = anonymous ? null
                    : String.format("c%02d", firstCustomer + random.nextInt(endCustomer - firstCustomer));
            String item = itemId(firstItem + random.nextInt(endItem - firstItem));
            EventType type = types.get(random.nextInt(types.size()));
            Instant time = START.plus(Duration.ofMinutes(
                    firstDay * 1440L + random.nextInt((endDay - firstDay) * 1440)));
            boolean purchase = type.equals(EventType.PURCHASE);
            double quantity = random.nextInt(10) == 0 ? Double.NaN : 1 + random.nextInt(3);
            double value = !purchase || random.nextInt(10) == 0 ? Double.NaN : 1 + random.nextInt(5000) / 100.0;
            Map<String, String> attributes = purchase ? Map.of("InvoiceNo", "inv" + random.nextInt(150)) : Map.of();
            builder.add(new CustomerEvent(customer, item, type, time, quantity, value, attributes));
        }
        return builder.build();
    }

    private static String itemId(int i) {
        return String.format("i%02d", i);
    }
}
