package io.deeppersona.core.serving.batch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.deeppersona.core.serving.ScoredItem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one CSV row per customer, the shape CRM imports expect:
 * <pre>
 * customer_id,model_version,scored_at,source,item_1,score_1,reason_1,...,item_K,score_K,reason_K,propensity_CAMPAIGN...
 * </pre>
 * A customer with fewer than K items has empty trailing item columns. The header is written first; the file
 * appears, or replaces its previous version, only on {@link #finish}.
 */
public final class CsvScoreSink implements ScoreSink {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final StagedFile file;
    private ScoreLayout layout;
    private SequenceWriter rows;

    /** Creates a sink that will write {@code target}; nothing is opened before {@link #begin}. */
    public CsvScoreSink(Path target) {
        this.file = new StagedFile(requireNonNull(target, "target is null"));
    }

    /** Returns the header for a layout: fixed columns, then item, score and reason per rank, then campaigns. */
    public static List<String> header(ScoreLayout layout) {
        List<String> columns = new ArrayList<>(List.of("customer_id", "model_version", "scored_at", "source"));
        for (int rank = 1; rank <= layout.k(); rank++) {
            columns.add("item_" + rank);
            columns.add("score_" + rank);
            columns.add("reason_" + rank);
        }
        for (String campaign : layout.campaigns()) {
            columns.add("propensity_" + campaign);
        }
        return List.copyOf(columns);
    }

    @Override
    public void begin(ScoreLayout layout) {
        this.layout = requireNonNull(layout, "layout is null");
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header(layout).forEach(schema::addColumn);
        try {
            rows = MAPPER.writer(schema.build()).writeValues(file.open());
        } catch (IOException e) {
            throw file.failure("open", e);
        }
    }

    @Override
    public void write(ScoredCustomer customer) {
        requireNonNull(customer, "customer is null");
        if (rows == null) {
            throw new IllegalStateException("begin(...) was not called");
        }
        if (customer.items().size() > layout.k() || !List.copyOf(customer.propensities().keySet())
                .equals(layout.campaigns())) {
            throw new IllegalArgumentException("A customer with " + customer.items().size() + " items and campaigns "
                    + customer.propensities().keySet() + " does not fit the header (k=" + layout.k()
                    + ", campaigns " + layout.campaigns() + ")");
        }
        List<String> row = new ArrayList<>(4 + 3 * layout.k() + layout.campaigns().size());
        row.add(customer.customerId());
        row.add(customer.modelVersion());
        row.add(customer.scoredAt().toString());
        row.add(customer.source().name());
        for (int i = 0; i < layout.k(); i++) {
            boolean present = i < customer.items().size();
            ScoredItem item = present ? customer.items().get(i) : null;
            row.add(present ? item.itemId() : "");
            row.add(present ? Double.toString(item.score()) : "");
            row.add(present ? item.reason() : "");
        }
        for (String campaign : layout.campaigns()) {
            row.add(Double.toString(customer.propensities().get(campaign)));
        }
        try {
            rows.write(row);
        } catch (IOException e) {
            throw file.failure("write", e);
        }
    }

    @Override
    public void finish() {
        if (rows == null) {
            throw new IllegalStateException("begin(...) was not called");
        }
        try {
            rows.flush();
        } catch (IOException e) {
            throw file.failure("finish", e);
        }
        file.commit();
        rows = null;
    }

    @Override
    public void close() {
        file.discard();
        rows = null;
    }
}
