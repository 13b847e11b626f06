package io.deeppersona.core.propensity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.DataSourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularDatasetTest {
    private static final Path BANK = Path.of("..", "..", "shared", "data", "uci-bank-marketing",
            "bank-additional-full.csv.gz");

    @TempDir
    Path dir;

    private Path table() throws IOException {
        StringBuilder csv = new StringBuilder("\"age\";\"job\";\"duration\";\"y\"\r\n");
        for (int i = 0; i < 100; i++) {
            csv.append(20 + i).append(";\"").append(i % 3 == 0 ? "admin." : "blue-collar").append("\";")
                    .append(i * 7).append(";\"").append(i % 5 == 0 ? "yes" : "no").append("\"\r\n");
        }
        Path file = dir.resolve("bank.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void readsTokensNumericsAndAStratifiedSplit() throws IOException {
        TabularOptions options = TabularOptions.of(table(), "y", 42).withSeparator(';')
                .withDropColumns(Set.of("duration"));
        PropensityDataset.Split split = TabularDataset.read(options);

        assertThat(split.train().features().size()).isEqualTo(80);
        assertThat(split.test().features().size()).isEqualTo(20);
        assertThat(split.test().positiveRate()).isEqualTo(0.2);
        FeatureVector row = split.train().features().row(0);
        assertThat(row.sequence(TabularDataset.FIELDS)).hasSize(2);
        assertThat(row.sequence(TabularDataset.FIELDS).get(0)).matches("age=q[0-9]");
        assertThat(row.sequence(TabularDataset.FIELDS).get(1)).isIn("job=admin.", "job=blue-collar");
        assertThat(row.numeric(TabularDataset.NUMERIC)).hasSize(1);
        assertThat(split.train().features().schema().field(TabularDataset.NUMERIC).orElseThrow().labels())
                .containsExactly("age");
        assertThat(row.sequence(TabularDataset.FIELDS)).noneMatch(t -> t.startsWith("duration="));
    }

    @Test
    void oneSeedGivesOneSplitAndNumericCodesCanBeCategories() throws IOException {
        TabularOptions options = TabularOptions.of(table(), "y", 7).withSeparator(';')
                .withCategoricalColumns(Set.of("age"));
        List<String> first = TabularDataset.read(options).test().features().rows().stream()
                .map(FeatureVector::customerId).toList();
        PropensityDataset.Split again = TabularDataset.read(options);
        assertThat(again.test().features().rows().stream().map(FeatureVector::customerId)).isEqualTo(first);
        assertThat(again.train().features().row(0).sequence(TabularDataset.FIELDS).get(0)).matches("age=[0-9]+");
    }

    @Test
    void missingLabelColumnIsADataSourceError() throws IOException {
        TabularOptions options = TabularOptions.of(table(), "Revenue", 1).withSeparator(';');
        assertThatThrownBy(() -> TabularDataset.read(options)).isInstanceOf(DataSourceException.class)
                .hasMessageContaining("Revenue").hasMessageContaining("[age, job, duration, y]");
    }

    @Test
    void readsTheUciBankMarketingFile() {
        Assumptions.assumeTrue(Files.exists(BANK), BANK + " absent, skipping");
        PropensityDataset.Split split = TabularDataset.read(TabularOptions.of(BANK, "y", 42).withSeparator(';')
                .withDropColumns(Set.of("duration")));
        assertThat(split.train().features().size() + split.test().features().size()).isEqualTo(41_188);
        assertThat(split.train().features().row(0).sequence(TabularDataset.FIELDS)).hasSize(19);
        assertThat(split.test().positiveRate()).isCloseTo(4_640 / 41_188.0, within(0.001));
    }
}
