package io.deeppersona.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's demo end to end on the embedded data, so CI proves it works. */
class RecommendationDemoTest {
    @Test
    void demoPrintsMetricsAndTopFiveForThreeCustomers(@TempDir Path dir) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        List<String> customers;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            customers = RecommendationDemo.run(dir, out, Map.of("seed", 42, "maxEpochs", 2));
        }
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(customers).hasSize(3).doesNotHaveDuplicates();
        for (String model : RecommendationDemo.MODELS) {
            assertThat(output).containsPattern("(?m)^" + model + " +\\d+ +0\\.\\d{4}");
        }
        customers.forEach(customer -> assertThat(output).contains("== Customer " + customer));
        // 3 customers x 5 models x 5 items, each line an item id and a title.
        assertThat(output.lines().filter(line -> line.matches("^ {4}\\S+ +\\S.*")).count()).isEqualTo(75);
        assertThat(output).contains("  caser-cnn:").contains("  auto:");
    }
}
