package io.deeppersona.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A model payload held in memory, both the {@link ArtifactWriter} a model saves to and the {@link ArtifactReader} a
 * provider loads from. It enforces the writer's path rules (relative, {@code /}-separated, inside the payload, new)
 * so a model that passes here also saves to a real artifact, and it can damage files to test corrupt payloads.
 *
 * <p>Thread-safe; a file becomes visible when its stream is closed.
 */
public final class InMemoryArtifact implements ArtifactWriter, ArtifactReader {
    private final Map<String, byte[]> files = new TreeMap<>();

    @Override
    public synchronized OutputStream create(String path) {
        checkPath(path);
        if (files.containsKey(path)) {
            throw new ArtifactException("artifact file '" + path + "' already exists; a payload writes each file once");
        }
        files.put(path, new byte[0]);
        return new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (InMemoryArtifact.this) {
                    if (!closed) {
                        closed = true;
                        files.put(path, toByteArray());
                    }
                }
            }
        };
    }

    @Override
    public synchronized Set<String> paths() {
        return Set.copyOf(new TreeSet<>(files.keySet()));
    }

    @Override
    public synchronized InputStream open(String path) throws IOException {
        byte[] content = files.get(requireNonNull(path, "path is null"));
        if (content == null) {
            throw new ArtifactException("artifact has no file '" + path + "'; it has " + files.keySet());
        }
        return new ByteArrayInputStream(content);
    }

    /** Returns a copy of a file's bytes. */
    public synchronized byte[] bytes(String path) {
        byte[] content = files.get(requireNonNull(path, "path is null"));
        if (content == null) {
            throw new IllegalArgumentException("no file '" + path + "'; the artifact has " + files.keySet());
        }
        return content.clone();
    }

    /** Returns the total size of all files in bytes. */
    public synchronized long size() {
        return files.values().stream().mapToLong(content -> content.length).sum();
    }

    /** Cuts a file down to its first {@code length} bytes, as an interrupted copy would. */
    public synchronized void truncate(String path, int length) {
        byte[] content = bytes(path);
        if (length < 0 || length > content.length) {
            throw new IllegalArgumentException("length must be in 0.." + content.length + ", got " + length);
        }
        files.put(path, Arrays.copyOf(content, length));
    }

    /** Replaces a file's content, e.g. with corrupted bytes. */
    public synchronized void replace(String path, byte[] content) {
        bytes(path);
        files.put(path, content.clone());
    }

    private static void checkPath(String path) {
        requireNonNull(path, "path is null");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            throw new ArtifactException("artifact path '" + path + "' must be relative and use '/'");
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new ArtifactException("artifact path '" + path + "' has an empty, '.' or '..' segment;"
                        + " paths stay inside the payload folder");
            }
        }
    }
}
