package io.deeppersona.testkit.builtin;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.core.source.CsvDataSourceProvider;
import io.deeppersona.spi.DataSourceProvider;
import io.deeppersona.testkit.DataSourceContractTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class CsvDataSourceContractTest extends DataSourceContractTest {
    private static final String HEADER = "customer,item,timestamp,type,quantity,value";

    @Override
    protected DataSourceProvider provider() {
        return new CsvDataSourceProvider();
    }

    @Override
    protected Map<String, Object> writeInput(Path dir, List<CustomerEvent> events) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        events.forEach(event -> lines.add(row(event)));
        return options(writeLines(dir.resolve("events.csv"), lines));
    }

    @Override
    protected BadInput writeInputWithOneBadRecord(Path dir, List<CustomerEvent> good) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(row(good.get(0)));
        lines.add("c9,i9,2024-02-30T00:00:00Z,purchase,1,1");
        good.subList(1, good.size()).forEach(event -> lines.add(row(event)));
        return new BadInput(options(writeLines(dir.resolve("events.csv"), lines)), 3, "timestamp");
    }

    private static Map<String, Object> options(Path file) {
        Map<String, Object> options = new HashMap<>();
        options.put("path", file.toString());
        options.put("type", "type");
        options.put("quantity", "quantity");
        options.put("value", "value");
        return options;
    }

    private static String row(CustomerEvent event) {
        return String.join(",", quote(event.customerId() == null ? "" : event.customerId()), quote(event.itemId()),
                event.timestamp().toString(), event.type().name(), number(event.quantity()), number(event.value()));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
