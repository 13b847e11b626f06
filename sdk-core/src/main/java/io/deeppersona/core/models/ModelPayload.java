package io.deeppersona.core.models;

import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The compact binary payload shared by the baseline models: one file, {@value #FILE}, in big-endian
 * {@link DataOutputStream} encoding.
 *
 * <pre>
 * int magic "DPBM", UTF provider name, int payload version,
 * int item count n, n x UTF item id, n x int popularity (distinct training customers),
 * model section (written by the model), int end marker "END."
 * </pre>
 * The end marker turns a payload cut short at a section boundary into an error instead of a silently smaller model.
 */
final class ModelPayload {
    static final String FILE = "model.bin";
    private static final int MAGIC = 0x4450424D;
    private static final int END = 0x454E442E;
    private static final int MAX_ITEMS = 50_000_000;

    private ModelPayload() {
    }

    /** Writes one section of a payload. */
    @FunctionalInterface
    interface SectionWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads one section of a payload and builds the model from it. */
    @FunctionalInterface
    interface SectionReader<T> {
        T read(DataInputStream in, String[] itemIds, int[] popularity) throws IOException;
    }

    static void write(ArtifactWriter writer, String provider, int payloadVersion, String[] itemIds, int[] popularity,
            SectionWriter section) {
        try (OutputStream file = writer.create(FILE);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(provider);
            out.writeInt(payloadVersion);
            out.writeInt(itemIds.length);
            for (String itemId : itemIds) {
                out.writeUTF(itemId);
            }
            for (int count : popularity) {
                out.writeInt(count);
            }
            section.write(out);
            out.writeInt(END);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + provider + " model payload '" + FILE + "'", e);
        }
    }

    static <T> T read(ArtifactReader reader, String provider, SectionReader<T> section) {
        if (!reader.paths().contains(FILE)) {
            throw new ArtifactException("Model payload of provider '" + provider + "' has no file '" + FILE
                    + "'; found " + reader.paths());
        }
        try (InputStream file = reader.open(FILE);
                DataInputStream in = new DataInputStream(new BufferedInputStream(file, 1 << 16))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw corrupt(provider, "bad magic number 0x" + Integer.toHexString(magic));
            }
            String writtenBy = in.readUTF();
            if (!writtenBy.equals(provider)) {
                throw new ArtifactException("Model payload was written by provider '" + writtenBy
                        + "', not by '" + provider + "'; load it with provider '" + writtenBy + "'");
            }
            in.readInt();
            int items = count(in, provider, "item count", MAX_ITEMS);
            String[] itemIds = new String[items];
            for (int item = 0; item < items; item++) {
                itemIds[item] = in.readUTF();
            }
            int[] popularity = new int[items];
            for (int item = 0; item < items; item++) {
                popularity[item] = count(in, provider, "popularity", Integer.MAX_VALUE);
            }
            T model = section.read(in, itemIds, popularity);
            int end = in.readInt();
            if (end != END || in.read() != -1) {
                throw corrupt(provider, "the model section does not end where the file does");
            }
            return model;
        } catch (EOFException e) {
            throw new ArtifactException("Model payload of provider '" + provider + "' is truncated: '" + FILE
                    + "' ended early; the artifact is incomplete or corrupt", e);
        } catch (IOException e) {
            throw new ArtifactException("cannot read model payload '" + FILE + "' of provider '" + provider + "'", e);
        }
    }

    /** Reads a non-negative int no larger than {@code max}. */
    static int count(DataInputStream in, String provider, String what, int max) throws IOException {
        int value = in.readInt();
        if (value < 0 || value > max) {
            throw corrupt(provider, what + " " + value + " is outside 0.." + max);
        }
        return value;
    }

    static ArtifactException corrupt(String provider, String detail) {
        return new ArtifactException("Model payload of provider '" + provider + "' is corrupt: " + detail);
    }
}
