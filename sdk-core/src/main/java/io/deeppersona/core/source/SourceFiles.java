package io.deeppersona.core.source;

import io.deeppersona.api.error.DataSourceException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens the input files of file-based sources: buffered, decoded, gunzipped when asked or when named *.gz. */
final class SourceFiles {
    private static final int BUFFER = 1 << 16;

    private SourceFiles() {
    }

    /**
     * Opens {@code path} as text.
     *
     * @param gzip {@code true}/{@code false} to force, {@code null} to decide by the {@code .gz} suffix
     * @throws DataSourceException if the file cannot be opened
     */
    static BufferedReader open(Path path, Charset charset, Boolean gzip) {
        boolean gunzip = gzip != null ? gzip : path.getFileName().toString().endsWith(".gz");
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER);
            try {
                if (gunzip) {
                    in = new GZIPInputStream(in, BUFFER);
                }
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return new BufferedReader(new InputStreamReader(in, charset), BUFFER);
        } catch (NoSuchFileException e) {
            throw new DataSourceException("input file " + path.toAbsolutePath() + " does not exist", e);
        } catch (IOException e) {
            throw new DataSourceException("cannot open " + path + (gunzip ? " as gzip" : "") + ": " + e.getMessage(),
                    e);
        }
    }
}
