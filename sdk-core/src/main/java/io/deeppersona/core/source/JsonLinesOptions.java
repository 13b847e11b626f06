package io.deeppersona.core.source;

import io.deeppersona.api.error.ConfigurationException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Options of the {@code json-lines} source, besides its {@link ColumnMapping}.
 *
 * @param path the file to read, one JSON object per line (required)
 * @param gzip whether the file is gzip-compressed; default: when its name ends in ".gz"
 * @since 0.1
 */
public record JsonLinesOptions(String path, Boolean gzip) {
    public JsonLinesOptions {
        if (path == null || path.isBlank()) {
            throw new ConfigurationException("Option 'path' is required: the JSON-lines file to read");
        }
    }

    /** JSON text is UTF-8 (RFC 8259), so there is no encoding option. */
    Charset charset() {
        return StandardCharsets.UTF_8;
    }
}
