package io.deeppersona.cli;

import io.deeppersona.core.PersonalizationPipeline;
import io.deeppersona.core.PipelineSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags that say how to read an event file and clean it; shared by evaluate and recommend. */
final class EventFileOptions {
    @Option(names = "--events", required = true, paramLabel = "FILE",
            description = "CSV file of events (.gz is read as gzip).")
    Path events;

    @Option(names = "--customer-col", required = true, paramLabel = "C", description = "Column of customer ids.")
    String customerColumn;

    @Option(names = "--item-col", required = true, paramLabel = "I", description = "Column of item ids.")
    String itemColumn;

    @Option(names = "--time-col", required = true, paramLabel = "T", description = "Column of event times.")
    String timeColumn;

    @Option(names = "--time-format", defaultValue = "iso", paramLabel = "FORMAT",
            description = "epoch-seconds, epoch-millis, iso, or a java.time pattern such as 'yyyy-MM-dd HH:mm:ss' "
                    + "(default: ${DEFAULT-VALUE}).")
    String timeFormat;

    @Option(names = "--time-zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "Zone of times without one (default: ${DEFAULT-VALUE}).")
    String timeZone;

    @Option(names = "--delimiter", defaultValue = ",", paramLabel = "CHAR",
            description = "Field separator (default: '${DEFAULT-VALUE}').")
    String delimiter;

    @Option(names = "--type-col", paramLabel = "COL", description = "Column of event types (default: all purchases).")
    String typeColumn;

    @Option(names = "--quantity-col", paramLabel = "COL", description = "Column of quantities.")
    String quantityColumn;

    @Option(names = "--price-col", paramLabel = "COL", description = "Column of unit prices (value = quantity x price).")
    String priceColumn;

    @Option(names = "--value-col", paramLabel = "COL", description = "Column of monetary values.")
    String valueColumn;

    @Option(names = "--attribute-cols", split = ",", paramLabel = "COL",
            description = "Further columns kept as event attributes, e.g. InvoiceNo,Description.")
    List<String> attributeColumns = new ArrayList<>();

    @Option(names = "--title-col", paramLabel = "COL",
            description = "Column of item titles (e.g. Description): shown with recommendations.")
    String titleColumn;

    @Option(names = "--preprocess", split = ",", paramLabel = "STEP",
            defaultValue = "missing-values,dedupe-events",
            description = "Preprocessing steps, in order, with default options (default: ${DEFAULT-VALUE}). For raw "
                    + "UCI Online Retail: missing-values,drop-cancellations,non-product-items,dedupe-events.")
    List<String> preprocess;

    @Option(names = "--error-policy", defaultValue = "fail-fast", paramLabel = "POLICY",
            description = "fail-fast or quarantine (default: ${DEFAULT-VALUE}).")
    String errorPolicy;

    @Option(names = "--quarantine", paramLabel = "FILE",
            description = "Where rejected records go under --error-policy quarantine (JSON lines).")
    Path quarantine;

    /** Returns the options of the {@code csv} data source. */
    Map<String, Object> csvOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("path", events.toString());
        options.put("delimiter", delimiter);
        options.put("customer", customerColumn);
        options.put("item", itemColumn);
        options.put("time", timeColumn);
        options.put("timeFormat", timeFormat);
        options.put("timeZone", timeZone);
        putIfSet(options, "type", typeColumn);
        putIfSet(options, "quantity", quantityColumn);
        putIfSet(options, "price", priceColumn);
        putIfSet(options, "value", valueColumn);
        List<String> attributes = new ArrayList<>(attributeColumns);
        if (titleColumn != null && !attributes.contains(titleColumn)) {
            attributes.add(titleColumn);
        }
        if (!attributes.isEmpty()) {
            options.put("attributes", attributes);
        }
        return options;
    }

    /** Applies the source, error policy, preprocessing and catalogue flags to a pipeline builder. */
    PersonalizationPipeline.Builder configure(PersonalizationPipeline.Builder builder) {
        builder.dataSource("csv", csvOptions()).errorPolicy(PipelineSpec.parseErrorPolicy(errorPolicy));
        if (quarantine != null) {
            builder.quarantineFile(quarantine);
        }
        for (String step : preprocess) {
            if (!step.isBlank()) {
                builder.addPreprocessor(step.strip());
            }
        }
        if (titleColumn != null) {
            builder.catalogueFromAttribute(titleColumn);
        }
        return builder;
    }

    private static void putIfSet(Map<String, Object> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }
}
