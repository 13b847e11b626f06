package io.deeppersona.core.serving.batch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deeppersona.core.SdkJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes one JSON object per customer and line:
 * <pre>{@code {"customerId":"12345","modelVersion":"v0003","scoredAt":"2025-02-01T08:00:00Z","source":"MODEL",
 *  "items":[{"itemId":"85123A","score":0.91,"reason":"bought with 22423","becauseOf":["22423"]}],
 *  "propensities":{"spring-sale":0.12}}}</pre>
 * Items are best first. The file appears, or replaces its previous version, only on {@link #finish}.
 */
public final class JsonLinesScoreSink implements ScoreSink {
    private static final ObjectWriter LINE = SdkJson.json().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final StagedFile file;
    private Writer out;

    /** Creates a sink that will write {@code target}; nothing is opened before {@link #begin}. */
    public JsonLinesScoreSink(Path target) {
        this.file = new StagedFile(requireNonNull(target, "target is null"));
    }

    @Override
    public void begin(ScoreLayout layout) {
        requireNonNull(layout, "layout is null");
        out = file.open();
    }

    @Override
    public void write(ScoredCustomer customer) {
        requireNonNull(customer, "customer is null");
        if (out == null) {
            throw new IllegalStateException("begin(...) was not called");
        }
        try {
            out.write(LINE.writeValueAsString(customer));
            out.write('\n');
        } catch (IOException e) {
            throw file.failure("write", e);
        }
    }

    @Override
    public void finish() {
        file.commit();
        out = null;
    }

    @Override
    public void close() {
        file.discard();
        out = null;
    }
}
