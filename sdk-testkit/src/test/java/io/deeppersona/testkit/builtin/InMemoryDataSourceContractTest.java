package io.deeppersona.testkit.builtin;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.core.source.InMemoryDataSourceProvider;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.testkit.DataSourceContractTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The in-memory source reads records from its options, as a pipeline spec would list them. */
class InMemoryDataSourceContractTest extends DataSourceContractTest {
    @Override
    protected DataSourceProvider provider() {
        return new InMemoryDataSourceProvider();
    }

    @Override
    protected Map<String, Object> writeInput(Path dir, List<CustomerEvent> events) {
        List<Map<String, Object>> records = new ArrayList<>();
        events.forEach(event -> records.add(record(event)));
        return options(records);
    }

    @Override
    protected BadInput writeInputWithOneBadRecord(Path dir, List<CustomerEvent> good) {
        List<Map<String, Object>> records = new ArrayList<>();
        good.forEach(event -> records.add(record(event)));
        Map<String, Object> bad = record(good.get(0));
        bad.put("quantity", "a few");
        records.add(1, bad);
        return new BadInput(options(records), 2, "quantity");
    }

    private static Map<String, Object> options(List<Map<String, Object>> records) {
        Map<String, Object> options = new HashMap<>();
        options.put("events", records);
        options.put("description", "contract events");
        return options;
    }

    private static Map<String, Object> record(CustomerEvent event) {
        Map<String, Object> record = new HashMap<>();
        record.put("customer", event.customerId());
        record.put("item", event.itemId());
        record.put("timestamp", event.timestamp().toString());
        record.put("type", event.type().name());
        record.put("quantity", Double.isNaN(event.quantity()) ? null : event.quantity());
        record.put("value", Double.isNaN(event.value()) ? null : event.value());
        return record;
    }
}
