package io.deeppersona.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.error.ArtifactException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryArtifactTest {
    @TempDir
    Path dir;

    @Test
    void writtenFilesAreListedAndReadBack() {
        DirectoryArtifactWriter writer = new DirectoryArtifactWriter(dir.resolve("model"));
        writer.write("network.bin", new byte[] {1, 2, 3});
        writer.write("weights/item.bin", "w".getBytes(StandardCharsets.UTF_8));

        DirectoryArtifactReader reader = new DirectoryArtifactReader(dir.resolve("model"));
        assertThat(reader.paths()).containsExactly("network.bin", "weights/item.bin");
        assertThat(reader.readAllBytes("network.bin")).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../outside.bin", "a/../../outside.bin", "a\\b.bin", "a//b.bin", "./a.bin",
            "C:/evil.bin", ""})
    void writerRefusesUnsafePaths(String path) {
        DirectoryArtifactWriter writer = new DirectoryArtifactWriter(dir.resolve("model"));

        assertThatThrownBy(() -> writer.create(path))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining(path.isEmpty() ? "empty" : "'" + path + "'");
        assertThat(dir.resolve("outside.bin")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../outside.bin", "a\\b.bin"})
    void readerRefusesUnsafePaths(String path) throws IOException {
        Files.writeString(dir.resolve("outside.bin"), "secret");
        DirectoryArtifactReader reader = new DirectoryArtifactReader(dir.resolve("model"));

        assertThatThrownBy(() -> reader.open(path))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("'" + path + "'");
    }

    @Test
    void writerNeverOverwrites() {
        DirectoryArtifactWriter writer = new DirectoryArtifactWriter(dir);
        writer.write("a.bin", new byte[] {1});

        assertThatThrownBy(() -> writer.create("a.bin"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("'a.bin' already exists");
    }

    @Test
    void readerRefusesMissingFile() {
        DirectoryArtifactReader reader = new DirectoryArtifactReader(dir);

        assertThatThrownBy(() -> reader.open("nope.bin"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("'nope.bin' does not exist");
    }

    @Test
    void symbolicLinksCannotLeadOutOfTheFolder() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Path root = Files.createDirectories(dir.resolve("model"));
        try {
            Files.createSymbolicLink(root.resolve("link"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links unsupported here: " + e);
        }

        assertThatThrownBy(() -> new DirectoryArtifactWriter(root).create("link/new.bin"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> {
            try (InputStream in = new DirectoryArtifactReader(root).open("link/secret.txt")) {
                in.read();
            }
        }).isInstanceOf(ArtifactException.class).hasMessageContaining("symbolic link");
        assertThat(outside.resolve("new.bin")).doesNotExist();
    }
}
