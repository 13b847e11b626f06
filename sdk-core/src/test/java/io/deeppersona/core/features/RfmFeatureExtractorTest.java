package io.deeppersona.core.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deeppersona.api.Catalogue;
import io.deeppersona.api.EventLog;
import io.deeppersona.api.EventType;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.error.ConfigurationException;
import io.deeppersona.core.DefaultProviderContext;
import io.deeppersona.spi.FittedFeatureExtractor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RfmFeatureExtractorTest {
    private static final EventLog TRAINING = Logs.log()
            .purchase("a", "i1", 0, 10)
            .purchase("a", "i2", 0, 5)          // same timestamp: the same occasion
            .purchase("a", "i1", 10, Double.NaN) // unknown value counts as 0
            .event("a", "i3", EventType.VIEW, 20)
            .event("b", "i1", EventType.VIEW, 30) // sets the reference time, day 30
            .purchase(null, "i1", 25, 99)        // no customer: no row
            .build();

    private static FittedFeatureExtractor fit(Map<String, Object> options) {
        return new RfmFeatureExtractorProvider().create(options, DefaultProviderContext.create())
                .fit(TRAINING, Catalogue.empty());
    }

    @Test
    void computesRecencyFrequencyAndMonetary() {
        FeatureTable table = fit(Map.of("logScale", false)).extract(TRAINING, Catalogue.empty());

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.get("a").orElseThrow().numeric("rfm")).containsExactly(20f, 2f, 15f);
        // b never bought: recency is the whole training horizon, day 0 to day 30.
        assertThat(table.get("b").orElseThrow().numeric("rfm")).containsExactly(30f, 0f, 0f);
        assertThat(table.schema().fields().get(0).labels()).containsExactly("recency_days", "frequency", "monetary");
    }

    @Test
    void logScalesFrequencyAndMonetaryByDefault() {
        FeatureTable table = fit(Map.of()).extract(TRAINING, Catalogue.empty());

        assertThat(table.get("a").orElseThrow().numeric("rfm"))
                .containsExactly(20f, (float) Math.log1p(2), (float) Math.log1p(15));
    }

    @Test
    void countsDistinctOrderAttributeValuesAsOccasions() {
        EventLog log = Logs.log()
                .add("a", "i1", EventType.PURCHASE, 0, 1, 1, Map.of("InvoiceNo", "1"))
                .add("a", "i2", EventType.PURCHASE, 0.01, 1, 1, Map.of("InvoiceNo", "1"))
                .add("a", "i1", EventType.PURCHASE, 5, 1, 1, Map.of("InvoiceNo", "2"))
                .build();
        var provider = new RfmFeatureExtractorProvider();
        var context = DefaultProviderContext.create();

        float[] byInvoice = provider.create(Map.of("orderAttribute", "InvoiceNo", "logScale", false), context)
                .fit(log, Catalogue.empty()).extract(log, Catalogue.empty()).row(0).numeric("rfm");
        float[] byTime = provider.create(Map.of("logScale", false), context)
                .fit(log, Catalogue.empty()).extract(log, Catalogue.empty()).row(0).numeric("rfm");

        assertThat(byInvoice[1]).isEqualTo(2f);
        assertThat(byTime[1]).isEqualTo(3f);
    }

    @Test
    void eventTypesSelectWhichRowsCount() {
        FeatureTable table = fit(Map.of("logScale", false, "eventTypes", List.of("view")))
                .extract(TRAINING, Catalogue.empty());

        assertThat(table.get("a").orElseThrow().numeric("rfm")).containsExactly(10f, 1f, 0f);
        assertThat(table.get("b").orElseThrow().numeric("rfm")).containsExactly(0f, 1f, 0f);
    }

    @Test
    void laterLogUsesTheTrainingReferenceTime() {
        EventLog later = Logs.log().purchase("c", "new", 35, 2).purchase("d", "i1", 20, 1).build();

        FeatureTable table = fit(Map.of("logScale", false)).extract(later, Catalogue.empty());

        assertThat(table.get("c").orElseThrow().numeric("rfm")).containsExactly(0f, 1f, 2f);
        assertThat(table.get("d").orElseThrow().numeric("rfm")).containsExactly(10f, 1f, 1f);
    }

    @Test
    void rejectsBadOptions() {
        var provider = new RfmFeatureExtractorProvider();
        var context = DefaultProviderContext.create();

        assertThatThrownBy(() -> provider.create(Map.of("frequencyWindow", 3), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("frequencyWindow");
        assertThatThrownBy(() -> provider.create(Map.of("eventTypes", List.of("Not A Type!")), context))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Not A Type!");
        assertThatThrownBy(() -> provider.create(Map.of("orderAttribute", "InvoiceNo"), context)
                .fit(TRAINING, Catalogue.empty()).extract(TRAINING, Catalogue.empty()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("InvoiceNo");
    }
}
