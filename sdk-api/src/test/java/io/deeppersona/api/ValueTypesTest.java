package io.deeppersona.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    private static final Instant T = Instant.parse("2011-01-01T00:00:00Z");

    @Test
    void eventTypeNormalisesCommonSpellingsAndRejectsOthers() {
        assertThat(EventType.of("Add_To_Cart")).isEqualTo(EventType.ADD_TO_CART);
        assertThat(EventType.of(" purchase ")).isEqualTo(EventType.PURCHASE);
        assertThatThrownBy(() -> new EventType("Add To Cart"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-kebab");
    }

    @Test
    void customerEventKeepsMissingValuesAndCopiesAttributes() {
        Map<String, String> attributes = new HashMap<>(Map.of("InvoiceNo", "536365"));
        CustomerEvent event = new CustomerEvent(null, "85123A", EventType.VIEW, T, Double.NaN, Double.NaN, attributes);
        attributes.put("Country", "France");

        assertThat(event.customerId()).isNull();
        assertThat(event.quantity()).isNaN();
        assertThat(event.attributes()).containsOnlyKeys("InvoiceNo");
        assertThatThrownBy(() -> CustomerEvent.purchase(" ", "x", T, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerId is blank");
        assertThatThrownBy(() -> CustomerEvent.purchase("c", "x", T, Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> CustomerEvent.of("c", null, EventType.VIEW, T))
                .isInstanceOf(NullPointerException.class).hasMessage("itemId is null");
    }

    @Test
    void itemValidatesPriceAndCategories() {
        Item item = new Item("22423", "REGENCY CAKESTAND 3 TIER", List.of("kitchen", "cakestand"), 12.75, Map.of());

        assertThat(item.leafCategory()).isEqualTo("cakestand");
        assertThat(Item.ofId("x").leafCategory()).isEmpty();
        assertThatThrownBy(() -> new Item("x", "", List.of(), -1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price of item 'x'");
        assertThatThrownBy(() -> new Item("x", "", List.of(" "), 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank category");
    }

    @Test
    void consentIsAbsentUnlessGiven() {
        Customer customer = new Customer("c1", Map.of(), Map.of(Customer.MARKETING, false,
                Customer.PERSONALISATION, true));

        assertThat(customer.consents(Customer.PERSONALISATION)).isTrue();
        assertThat(customer.consents(Customer.MARKETING)).isFalse();
        assertThat(customer.consents("profiling")).isFalse();
    }

    @Test
    void recommendationAndQueryRejectNonsense() {
        assertThatThrownBy(() -> new Recommendation("x", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> RecommendationQuery.of("c", List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit must be >= 1");
    }

    @Test
    void featureTableChecksShapesAndJoinsByCustomer() {
        FeatureSchema rfm = FeatureSchema.of(FeatureField.numeric("rfm", List.of(3)));
        FeatureSchema sequence = FeatureSchema.of(FeatureField.itemSequence("item_sequence", 2));
        FeatureTable left = FeatureTable.of(rfm, List.of(
                new FeatureVector("a", Map.of("rfm", new float[] {1, 2, 3}), Map.of()),
                new FeatureVector("b", Map.of("rfm", new float[] {4, 5, 6}), Map.of())));
        FeatureTable right = FeatureTable.of(sequence, List.of(
                new FeatureVector("b", Map.of(), Map.of("item_sequence", List.of("x", "y")))));

        FeatureTable joined = left.join(right);

        assertThat(joined.size()).isEqualTo(1);
        assertThat(joined.get("b").orElseThrow().numeric("rfm")).containsExactly(4, 5, 6);
        assertThat(joined.get("b").orElseThrow().sequence("item_sequence")).containsExactly("x", "y");
        assertThatThrownBy(() -> FeatureTable.of(rfm, List.of(
                new FeatureVector("a", Map.of("rfm", new float[] {1, 2}), Map.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 3 values, got 2");
        assertThatThrownBy(() -> rfm.plus(rfm))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new FeatureVector("a", Map.of("rfm", new float[] {Float.NaN}), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }

    @Test
    void rejectedRecordDescribesWithoutTheRawRecord() {
        RejectedRecord record = new RejectedRecord("events.csv", 42, "InvoiceDate",
                "cannot parse 'x' as time with pattern yyyy-MM-dd", "536365,85123A,secret-customer");

        assertThat(record.describe()).isEqualTo(
                "events.csv:42: field 'InvoiceDate': cannot parse 'x' as time with pattern yyyy-MM-dd")
                .doesNotContain("secret-customer");
    }
}
