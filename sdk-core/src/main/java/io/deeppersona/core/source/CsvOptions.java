package io.deeppersona.core.source;

import io.deeppersona.api.error.ConfigurationException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Options of the {@code csv} source, besides its {@link ColumnMapping}.
 *
 * @param path the file to read (required)
 * @param delimiter the single field separator; default ","
 * @param header whether the first line names the columns; default true (without it columns are named "1", "2", ...)
 * @param encoding the file's character set; default "UTF-8"
 * @param gzip whether the file is gzip-compressed; default: when its name ends in ".gz"
 * @since 0.1
 */
public record CsvOptions(String path, String delimiter, Boolean header, String encoding, Boolean gzip) {
    public CsvOptions {
        if (path == null || path.isBlank()) {
            throw new ConfigurationException("Option 'path' is required: the CSV file to read");
        }
        delimiter = delimiter == null ? "," : delimiter;
        if (delimiter.length() != 1) {
            throw new ConfigurationException("Option 'delimiter' is '" + delimiter
                    + "'; expected exactly one character such as ',' ';' or '\\t'");
        }
        header = header == null ? Boolean.TRUE : header;
        encoding = encoding == null ? "UTF-8" : encoding;
        charset(encoding);
    }

    /** Returns the character set named by {@code encoding}. */
    public Charset charset() {
        return charset(encoding);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ConfigurationException("Option 'encoding' is '" + name
                    + "', not a character set this JVM supports; expected e.g. 'UTF-8' or 'ISO-8859-1'");
        }
    }
}
