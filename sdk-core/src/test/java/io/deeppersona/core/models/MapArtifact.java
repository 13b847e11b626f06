package io.deeppersona.core.models;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A minimal in-memory payload for core tests; the testkit's InMemoryArtifact is the full one. */
final class MapArtifact implements ArtifactWriter, ArtifactReader {
    final Map<String, byte[]> files = new TreeMap<>();

    @Override
    public OutputStream create(String path) {
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                files.put(path, toByteArray());
            }
        };
    }

    @Override
    public Set<String> paths() {
        return Set.copyOf(files.keySet());
    }

    @Override
    public InputStream open(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new ArtifactException("no file '" + path + "'");
        }
        return new ByteArrayInputStream(content);
    }
}
