package io.deeppersona.core.serving;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.Item;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.core.PluginRegistry;
import io.deeppersona.core.eventlog.ColumnarEventLog;
import io.deeppersona.core.eventlog.ColumnarEventLogBuilder;
import io.deeppersona.core.models.EaseModelProvider;
import io.deeppersona.core.models.ItemKnnModelProvider;
import io.deeppersona.core.models.PopularityModelProvider;
import io.deeppersona.core.propensity.LogisticRegressionModelProvider;
import io.deeppersona.spi.Model;
import io.deeppersona.spi.TrainingData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small shop, seeded: 30 items in three categories (lighting and kitchen under home, and garden), 200
 * customers in two countries, each buying mostly from one category; French customers also favour i29, so their
 * segment's popularity differs from the overall one.
 */
final class ServingFixtures {
    static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");
    static final DefaultProviderContext CONTEXT =
            DefaultProviderContext.create(Clock.fixed(DAY0.plus(Duration.ofDays(200)), ZoneOffset.UTC), Map.of());
    static final EventLog LOG = log();
    static final Catalogue CATALOGUE = catalogue();

    private ServingFixtures() {
    }

    static String item(int n) {
        return String.format("i%02d", n);
    }

    static List<String> category(int n) {
        return n < 10 ? List.of("home", "lighting") : n < 20 ? List.of("home", "kitchen") : List.of("garden");
    }

    static double price(int n) {
        return 1.0 + n;
    }

    private static Catalogue catalogue() {
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            items.add(new Item(item(n), "Item " + n, category(n), price(n), Map.of()));
        }
        return Catalogue.of(items);
    }

    private static EventLog log() {
        Random random = new Random(42);
        ColumnarEventLogBuilder builder = ColumnarEventLog.builder();
        for (int c = 0; c < 200; c++) {
            String customer = String.format("c%03d", c);
            String country = c % 2 == 0 ? "UK" : "FR";
            int cluster = c % 3;
            int purchases = 4 + random.nextInt(5);
            for (int p = 0; p < purchases; p++) {
                int n = random.nextDouble() < 0.8 ? cluster * 10 + random.nextInt(10) : random.nextInt(30);
                if (country.equals("FR") && random.nextDouble() < 0.3) {
                    n = 29;
                }
                Instant time = DAY0.plus(Duration.ofHours(random.nextInt(120 * 24)));
                builder.add(new CustomerEvent(customer, item(n), EventType.PURCHASE, time, 1, price(n),
                        Map.of("Country", country)));
            }
        }
        return builder.build();
    }

    static PluginRegistry registry() {
        return PluginRegistry.builder().register(new PopularityModelProvider()).register(new ItemKnnModelProvider())
                .register(new EaseModelProvider()).register(new LogisticRegressionModelProvider()).build();
    }

    static Model train(String provider) {
        Map<String, Object> options = provider.equals("ease") ? Map.of("lambda", 10.0) : Map.of();
        return registry().model(provider).newTrainer(options, CONTEXT).train(new TrainingData(LOG, CATALOGUE,
                io.deeppersona.api.FeatureTable.empty()));
    }

    static ServingBundle bundle(boolean withCampaign) {
        ServingBundleBuilder builder = ServingBundle.builder().events(LOG).catalogue(CATALOGUE).historyLength(5)
                .segmentAttribute("Country");
        if (withCampaign) {
            builder.addCampaign(CampaignTraining.train("buy-next-30-days", LOG, CATALOGUE, Duration.ofDays(30),
                    new LogisticRegressionModelProvider(), Map.of(), CONTEXT));
        }
        return builder.build();
    }
}
