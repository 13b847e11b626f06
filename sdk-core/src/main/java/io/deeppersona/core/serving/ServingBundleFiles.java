package io.deeppersona.core.serving;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.IncompatibleArtifactException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.core.artifact.DirectoryArtifactReader;
import io.deeppersona.core.serving.BundleLines.Campaign;
import io.deeppersona.core.serving.BundleLines.CustomerLine;
import io.deeppersona.core.serving.BundleLines.Header;
import io.deeppersona.core.serving.BundleLines.ItemLine;
import io.deeppersona.core.serving.BundleLines.NeighbourLine;
import io.deeppersona.core.serving.BundleLines.SegmentLine;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.ModelProvider;
import io.deeppersona.spi.ProviderContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a {@link ServingBundle} into an artifact's {@code serving/} folder as JSON lines, and reads it back.
 * Reading trusts sizes and hashes (the artifact was verified first) but checks every index, so a bundle written
 * by a buggy tool fails with the file and line rather than later, mid-request.
 */
final class ServingBundleFiles {
    static final String DIR = "serving";
    private static final ObjectWriter LINE = SdkJson.json().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectWriter PRETTY = SdkJson.json().writer();

    private ServingBundleFiles() {
    }

    static void write(ServingBundle bundle, ArtifactWriter out) {
        List<Campaign> campaigns = new ArrayList<>();
        for (ServingCampaign campaign : bundle.campaignList()) {
            campaigns.add(new Campaign(campaign.name(), campaign.model().info().provider(),
                    campaign.model().info().payloadVersion(), campaign.baseRate(), campaign.features().size()));
        }
        Header header = new Header(ServingBundle.BUNDLE_VERSION, bundle.historyLength(),
                bundle.segmentAttribute().orElse(null), bundle.endOfData(), bundle.itemCount(),
                bundle.customerCount(), bundle.segments(), campaigns);
        try {
            out.write(DIR + "/bundle.json", PRETTY.writeValueAsBytes(header));
            lines(out, "items.jsonl", bundle.itemCount(), item -> new ItemLine(bundle.itemId(item),
                    bundle.title(item), bundle.categoryPath(item),
                    Double.isNaN(bundle.price(item)) ? null : bundle.price(item), bundle.popularity(item)));
            List<Map.Entry<String, CustomerProfile>> customers = new ArrayList<>(bundle.customers().entrySet());
            customers.sort(Map.Entry.comparingByKey());
            lines(out, "customers.jsonl", customers.size(), c -> {
                CustomerProfile profile = customers.get(c).getValue();
                return new CustomerLine(customers.get(c).getKey(), profile.segment(), profile.recent(),
                        profile.purchased());
            });
            lines(out, "segments.jsonl", bundle.segments().size(), s -> new SegmentLine(bundle.segment(s),
                    bundle.segmentItems(s), bundle.segmentCounts(s)));
            lines(out, "neighbours.jsonl", bundle.itemCount(), item -> new NeighbourLine(item,
                    bundle.neighbours(item), bundle.similarities(item)));
            for (ServingCampaign campaign : bundle.campaignList()) {
                String folder = DIR + "/campaigns/" + campaign.name();
                List<FeatureVector> rows = new ArrayList<>(campaign.features().values());
                rows.sort((a, b) -> a.customerId().compareTo(b.customerId()));
                try (OutputStream stream = new BufferedOutputStream(out.create(folder + "/features.jsonl"))) {
                    for (FeatureVector row : rows) {
                        stream.write(LINE.writeValueAsBytes(row));
                        stream.write('\n');
                    }
                }
                campaign.model().save(path -> out.create(folder + "/model/" + path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the serving bundle: " + e.getMessage(), e);
        }
    }

    private static void lines(ArtifactWriter out, String name, int count, Function<Integer, Object> line)
            throws IOException {
        try (OutputStream stream = new BufferedOutputStream(out.create(DIR + "/" + name))) {
            for (int i = 0; i < count; i++) {
                stream.write(LINE.writeValueAsBytes(line.apply(i)));
                stream.write('\n');
            }
        }
    }

    /** Returns whether the verified artifact in {@code dir} carries a bundle. */
    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(DIR).resolve("bundle.json"));
    }

    /**
     * Reads the bundle of a verified artifact.
     *
     * @param providers looks up the campaigns' model providers by name
     * @throws IncompatibleArtifactException if the bundle or a campaign model is newer than this SDK reads
     * @throws ArtifactException if a file is missing or inconsistent
     */
    static ServingBundle read(Path dir, Function<String, Optional<ModelProvider>> providers,
            ProviderContext context) {
        Path root = dir.resolve(DIR);
        Header header = readOne(root.resolve("bundle.json"), Header.class);
        if (header.bundleVersion() > ServingBundle.BUNDLE_VERSION || header.bundleVersion() < 1) {
            throw new IncompatibleArtifactException("Serving bundle of " + dir + " has bundleVersion "
                    + header.bundleVersion() + "; this SDK reads 1 to " + ServingBundle.BUNDLE_VERSION
                    + "; upgrade sdk-core");
        }
        int items = header.items();
        List<ItemLine> itemLines = readLines(root.resolve("items.jsonl"), ItemLine.class, items);
        String[] ids = new String[items];
        String[] titles = new String[items];
        List<List<String>> categories = new ArrayList<>(items);
        double[] prices = new double[items];
        int[] popularity = new int[items];
        for (int item = 0; item < items; item++) {
            ItemLine line = itemLines.get(item);
            ids[item] = line.id();
            titles[item] = line.title() == null ? "" : line.title();
            categories.add(line.categories() == null ? List.of() : List.copyOf(line.categories()));
            prices[item] = line.price() == null ? Double.NaN : line.price();
            popularity[item] = line.popularity();
        }
        int segmentCount = header.segments().size();
        Map<String, CustomerProfile> customers = new HashMap<>(header.customers() * 2);
        for (CustomerLine line : readLines(root.resolve("customers.jsonl"), CustomerLine.class,
                header.customers())) {
            check(line.segment() >= -1 && line.segment() < segmentCount, "customers.jsonl", "segment "
                    + line.segment());
            checkItems(line.recent(), items, "customers.jsonl");
            checkItems(line.purchased(), items, "customers.jsonl");
            customers.put(line.id(), new CustomerProfile(line.recent(), line.purchased(), line.segment()));
        }
        List<SegmentLine> segmentLines = readLines(root.resolve("segments.jsonl"), SegmentLine.class, segmentCount);
        int[][] segmentItems = new int[segmentCount][];
        int[][] segmentCounts = new int[segmentCount][];
        for (int s = 0; s < segmentCount; s++) {
            SegmentLine line = segmentLines.get(s);
            checkItems(line.items(), items, "segments.jsonl");
            check(line.counts().length == line.items().length, "segments.jsonl", "counts of " + line.segment());
            segmentItems[s] = line.items();
            segmentCounts[s] = line.counts();
        }
        List<NeighbourLine> neighbourLines = readLines(root.resolve("neighbours.jsonl"), NeighbourLine.class, items);
        int[][] neighbours = new int[items][];
        float[][] similarities = new float[items][];
        for (int item = 0; item < items; item++) {
            NeighbourLine line = neighbourLines.get(item);
            check(line.item() == item && line.similarities().length == line.neighbours().length,
                    "neighbours.jsonl", "line of item " + line.item());
            checkItems(line.neighbours(), items, "neighbours.jsonl");
            neighbours[item] = line.neighbours();
            similarities[item] = line.similarities();
        }
        List<ServingCampaign> campaigns = new ArrayList<>();
        try {
            for (Campaign campaign : header.campaigns()) {
                campaigns.add(readCampaign(root, campaign, providers, context));
            }
            return new ServingBundle(header.historyLength(), header.segmentAttribute(), header.endOfData(), ids,
                    titles, categories, prices, popularity, customers, header.segments().toArray(String[]::new),
                    segmentItems, segmentCounts, neighbours, similarities, campaigns);
        } catch (RuntimeException e) {
            campaigns.forEach(loaded -> loaded.model().close());
            if (e instanceof IllegalArgumentException) {
                throw new ArtifactException("Serving bundle of " + dir + " is inconsistent: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static ServingCampaign readCampaign(Path root, Campaign campaign,
            Function<String, Optional<ModelProvider>> providers, ProviderContext context) {
        if (campaign.name() == null || !campaign.name().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new ArtifactException("Serving bundle names a campaign '" + campaign.name()
                    + "'; campaign names are lower-kebab");
        }
        Path folder = root.resolve("campaigns").resolve(campaign.name());
        ModelProvider provider = providers.apply(campaign.provider()).orElseThrow(() ->
                new IncompatibleArtifactException("No ModelProvider named '" + campaign.provider()
                        + "' is registered, but campaign '" + campaign.name() + "' needs it; add the module that "
                        + "provides it to the class path"));
        if (campaign.payloadVersion() > provider.payloadVersion()) {
            throw new IncompatibleArtifactException("Campaign '" + campaign.name() + "' has payloadVersion "
                    + campaign.payloadVersion() + " of model '" + campaign.provider() + "', newer than this "
                    + "provider reads (max " + provider.payloadVersion() + ")");
        }
        Map<String, FeatureVector> features = new HashMap<>();
        for (FeatureVector row : readLines(folder.resolve("features.jsonl"), FeatureVector.class,
                campaign.customers())) {
            features.put(row.customerId(), row);
        }
        Model model = provider.load(new DirectoryArtifactReader(folder.resolve("model")), campaign.payloadVersion(),
                context);
        try {
            return new ServingCampaign(campaign.name(), model, features, campaign.baseRate());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static <T> T readOne(Path file, Class<T> type) {
        try {
            return reader(type).readValue(file.toFile());
        } catch (IOException e) {
            throw new ArtifactException("Cannot read serving bundle file " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> List<T> readLines(Path file, Class<T> type, int expected) {
        List<T> lines = new ArrayList<>(Math.max(0, expected));
        try (InputStream in = Files.newInputStream(file);
                MappingIterator<T> values = reader(type).readValues(in)) {
            while (values.hasNextValue()) {
                lines.add(values.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            throw new ArtifactException("Cannot read serving bundle file " + file + " at line " + (lines.size() + 1)
                    + ": " + e.getMessage(), e);
        }
        if (lines.size() != expected) {
            throw new ArtifactException("Serving bundle file " + file + " has " + lines.size()
                    + " lines, bundle.json says " + expected);
        }
        return lines;
    }

    private static ObjectReader reader(Class<?> type) {
        // Additive fields within one bundleVersion stay readable by older SDKs.
        return SdkJson.json().readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static void checkItems(int[] indices, int items, String file) {
        check(indices != null, file, "missing item list");
        for (int item : indices) {
            check(item >= 0 && item < items, file, "item index " + item + " (items: " + items + ")");
        }
    }

    private static void check(boolean condition, String file, String what) {
        if (!condition) {
            throw new ArtifactException("Serving bundle file " + DIR + "/" + file + " holds an invalid " + what);
        }
    }
}
