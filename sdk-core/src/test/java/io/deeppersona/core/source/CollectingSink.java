package io.deeppersona.core.source;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.RejectedRecord;
import io.deeppersona.spi.EventSink;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything, for tests. */
final class CollectingSink implements EventSink {
    private final List<CustomerEvent> accepted = new ArrayList<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();

    @Override
    public void accept(CustomerEvent event) {
        accepted.add(event);
    }

    @Override
    public void reject(RejectedRecord record) {
        rejected.add(record);
    }

    List<CustomerEvent> accepted() {
        return accepted;
    }

    List<RejectedRecord> rejected() {
        return rejected;
    }
}
