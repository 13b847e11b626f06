package io.deeppersona.core.serving;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events recorded per customer, for at most {@code maxCustomers} customers: beyond the cap the least recently
 * used customers are dropped, down to 90% of the cap so that eviction (a scan) runs once per tenth of the cap
 * rather than on every new customer. Recency is a global tick stamped on each use, so reads stay lock-free.
 * Thread-safe; the store survives version swaps, because recorded events belong to customers, not to models.
 */
final class RecordedEvents {
    private final ConcurrentHashMap<String, RecordedHistory> customers = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final ReentrantLock evicting = new ReentrantLock();
    private final int maxCustomers;
    private final int historyLength;
    private final int maxPurchases;

    RecordedEvents(ServingOptions options) {
        this.maxCustomers = options.maxRecordedCustomers();
        this.historyLength = options.recordedHistoryLength();
        this.maxPurchases = options.maxRecordedPurchases();
    }

    void record(CustomerEvent event, String segmentAttribute) {
        requireNonNull(event, "event is null");
        String customerId = event.customerId();
        if (customerId == null) {
            throw new IllegalArgumentException("event has no customer id; only a customer's events can be recorded");
        }
        RecordedHistory history = customers.computeIfAbsent(customerId,
                id -> new RecordedHistory(historyLength, maxPurchases));
        history.lastUsed = clock.incrementAndGet();
        String segment = segmentAttribute == null ? null : event.attributes().get(segmentAttribute);
        history.add(event.itemId(), EventType.PURCHASE.equals(event.type()), segment);
        if (customers.size() > maxCustomers) {
            evict();
        }
    }

    /** Returns what was recorded for the customer, marking them as used. */
    RecordedHistory.Snapshot get(String customerId) {
        RecordedHistory history = customers.get(customerId);
        if (history == null) {
            return RecordedHistory.Snapshot.EMPTY;
        }
        history.lastUsed = clock.incrementAndGet();
        return history.snapshot();
    }

    int size() {
        return customers.size();
    }

    private void evict() {
        evicting.lock();
        try {
            int target = Math.max(1, maxCustomers - maxCustomers / 10);
            if (customers.size() <= maxCustomers) {
                return;
            }
            // Stamps are copied first: they change under concurrent reads, and a sort needs a stable order.
            List<Stamped> entries = new ArrayList<>(customers.size());
            customers.forEach((id, history) -> entries.add(new Stamped(id, history, history.lastUsed)));
            entries.sort((a, b) -> Long.compare(a.stamp(), b.stamp()));
            for (int i = 0; i < entries.size() - target; i++) {
                customers.remove(entries.get(i).id(), entries.get(i).history());
            }
        } finally {
            evicting.unlock();
        }
    }

    private record Stamped(String id, RecordedHistory history, long stamp) {
    }
}
