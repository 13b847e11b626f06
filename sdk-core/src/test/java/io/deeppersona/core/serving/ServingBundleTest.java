package io.deeppersona.core.serving;

import static io.deeppersona.core.serving.ServingFixtures.CONTEXT;
import static io.deeppersona.core.serving.ServingFixtures.DAY0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.artifact.ArtifactManifest;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.core.artifact.ModelArtifacts;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import io.deeppersona.spi.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingBundleTest {
    @TempDir
    Path dir;

    @Test
    void savedBundleReadsBackTheSame() {
        Path artifact = dir.resolve("artifact");
        try (Model model = ServingFixtures.train("popularity"); ServingBundle bundle = ServingFixtures.bundle(true)) {
            ArtifactManifest manifest = ServingArtifacts.save(model, bundle, artifact, Map.of(), CONTEXT);
            assertThat(manifest.files()).containsKeys("model/model.bin", "serving/bundle.json",
                    "serving/items.jsonl", "serving/customers.jsonl", "serving/segments.jsonl",
                    "serving/neighbours.jsonl", "serving/campaigns/buy-next-30-days/features.jsonl");
            try (ServingBundle read = ServingArtifacts.readBundle(artifact, ServingFixtures.registry(), CONTEXT)) {
                assertThat(read.itemCount()).isEqualTo(30);
                assertThat(read.customerCount()).isEqualTo(200);
                assertThat(read.segments()).containsExactly("FR", "UK");
                assertThat(read.segmentAttribute()).contains("Country");
                assertThat(read.historyLength()).isEqualTo(5);
                assertThat(read.endOfData()).isEqualTo(bundle.endOfData());
                assertThat(read.campaignNames()).containsExactly("buy-next-30-days");
                for (int item = 0; item < 30; item++) {
                    assertThat(read.itemId(item)).isEqualTo(bundle.itemId(item));
                    assertThat(read.categoryPath(item)).isEqualTo(bundle.categoryPath(item));
                    assertThat(read.price(item)).isEqualTo(bundle.price(item));
                    assertThat(read.popularity(item)).isEqualTo(bundle.popularity(item));
                    assertThat(read.neighbours(item)).isEqualTo(bundle.neighbours(item));
                    assertThat(read.similarities(item)).isEqualTo(bundle.similarities(item));
                }
                CustomerProfile profile = read.customer("c007");
                assertThat(profile.recent()).isEqualTo(bundle.customer("c007").recent());
                assertThat(profile.purchased()).isEqualTo(bundle.customer("c007").purchased());
                assertThat(read.segment(profile.segment())).isEqualTo("FR");
                ServingCampaign campaign = read.campaign("buy-next-30-days").orElseThrow();
                ServingCampaign original = bundle.campaign("buy-next-30-days").orElseThrow();
                assertThat(campaign.baseRate()).isEqualTo(original.baseRate());
                assertThat(campaign.features()).isEqualTo(original.features());
                var row = original.features().get("c007");
                assertThat(campaign.model().propensity(row)).isCloseTo(original.model().propensity(row),
                        within(1e-12));
            }
        }
    }

    @Test
    void tamperedOrUnlistedServingFilesAreRefused() throws Exception {
        Path artifact = dir.resolve("artifact");
        try (Model model = ServingFixtures.train("popularity"); ServingBundle bundle = ServingFixtures.bundle(false)) {
            ServingArtifacts.save(model, bundle, artifact, Map.of(), CONTEXT);
        }
        Path extra = artifact.resolve("serving/extra.jsonl");
        Files.writeString(extra, "{}");
        assertThatThrownBy(() -> ServingArtifacts.readBundle(artifact, ServingFixtures.registry(), CONTEXT))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("serving/extra.jsonl")
                .hasMessageContaining("not listed");
        Files.delete(extra);
        Path items = artifact.resolve("serving/items.jsonl");
        Files.writeString(items, Files.readString(items).replace("i01", "i0X"));
        assertThatThrownBy(() -> ModelArtifacts.verify(artifact))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("serving/items.jsonl");
    }

    @Test
    void artifactWithoutBundleIsRefusedForServing() {
        Path artifact = dir.resolve("plain");
        try (Model model = ServingFixtures.train("popularity")) {
            ModelArtifacts.save(model, artifact, Map.of(), CONTEXT);
        }
        assertThatThrownBy(() -> ServingArtifacts.readBundle(artifact, ServingFixtures.registry(), CONTEXT))
                .isInstanceOf(ArtifactException.class).hasMessageContaining("no serving bundle");
    }

    /** a bought x, y; b bought x; c bought y, z: cos(x, y) = 1 / sqrt(2 * 2), cos(y, z) = 1 / sqrt(2 * 1). */
    @Test
    void neighboursAreCosineOverCustomersAndHistoriesKeepTheLastItems() {
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        builder.add(CustomerEvent.purchase("a", "x", DAY0, 1, 1));
        builder.add(CustomerEvent.purchase("a", "y", DAY0.plus(Duration.ofDays(1)), 1, 1));
        builder.add(CustomerEvent.purchase("b", "x", DAY0, 1, 1));
        builder.add(CustomerEvent.purchase("c", "y", DAY0, 1, 1));
        builder.add(CustomerEvent.of("c", "z", EventType.VIEW, DAY0.plus(Duration.ofDays(2))));
        EventLog log = builder.build();
        try (ServingBundle bundle = ServingBundle.builder().events(log).historyLength(1).build()) {
            int x = bundle.itemIndex("x");
            int y = bundle.itemIndex("y");
            int z = bundle.itemIndex("z");
            assertThat(bundle.similarity(x, y)).isCloseTo(0.5, within(1e-6));
            assertThat(bundle.similarity(y, z)).isCloseTo(1 / Math.sqrt(2), within(1e-6));
            assertThat(bundle.similarity(x, z)).isZero();
            assertThat(bundle.neighbours(y)).containsExactly(z, x);
            assertThat(bundle.customer("a").recent()).containsExactly(y);
            assertThat(bundle.customer("c").purchased()).containsExactly(y);
            assertThat(bundle.popularity(x)).isEqualTo(2);
            assertThat(bundle.segmentAttribute()).isEmpty();
            assertThat(bundle.endOfData()).isEqualTo(DAY0.plus(Duration.ofDays(2)));
        }
    }

    @Test
    void unknownSegmentAttributeIsRefused() {
        assertThatThrownBy(() -> ServingBundle.builder().events(ServingFixtures.LOG).segmentAttribute("Region")
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Region")
                .hasMessageContaining("Country");
    }

    @Test
    void extraArtifactFilesMustStayInTheirOwnFolder() {
        for (String path : new String[] {"manifest.json", "loose.txt", "model/extra.bin", "../outside/x"}) {
            Path artifact = dir.resolve("artifact-" + Math.abs(path.hashCode()));
            try (Model model = ServingFixtures.train("popularity")) {
                assertThatThrownBy(() -> ModelArtifacts.save(model, artifact, null, Map.of(), CONTEXT,
                        writer -> writer.write(path, new byte[] {1})))
                        .as(path).isInstanceOf(ArtifactException.class);
            }
        }
    }
}
