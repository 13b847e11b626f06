package io.deeppersona.core.models.auto;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import java.util.stream.Collectors;

/** Gives each component a view of one folder of the auto payload, so components never see each other's files. */
final class PrefixedArtifacts {
    private PrefixedArtifacts() {
    }

    static ArtifactWriter writer(ArtifactWriter payload, String prefix) {
        return new ArtifactWriter() {
            @Override
            public OutputStream create(String path) throws IOException {
                return payload.create(prefix + path);
            }
        };
    }

    static ArtifactReader reader(ArtifactReader payload, String prefix) {
        Set<String> paths = payload.paths().stream().filter(path -> path.startsWith(prefix))
                .map(path -> path.substring(prefix.length())).collect(Collectors.toUnmodifiableSet());
        return new ArtifactReader() {
            @Override
            public Set<String> paths() {
                return paths;
            }

            @Override
            public InputStream open(String path) throws IOException {
                return payload.open(prefix + path);
            }
        };
    }
}
