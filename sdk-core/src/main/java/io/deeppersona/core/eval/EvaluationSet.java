package io.deeppersona.core.eval;

import io.deeppersona.api.EventLog;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers, targets and catalogue of one ranking evaluation, derived from a split. Items are numbered by the
 * training log's item dictionary; test items are matched by id, so the two logs need not share dictionaries.
 */
final class EvaluationSet {
    /** One evaluated customer: their index in the training log and their distinct target items. */
    record Customer(int trainIndex, BitSet targets, int targetCount) {
    }

    private final EventLog train;
    private final BitSet catalogue;
    private final Map<String, Integer> catalogueIndex;
    private final List<Customer> customers;

    private EvaluationSet(EventLog train, BitSet catalogue, List<Customer> customers) {
        this.train = train;
        this.catalogue = catalogue;
        this.customers = List.copyOf(customers);
        this.catalogueIndex = new HashMap<>(catalogue.cardinality() * 2);
        for (int item = catalogue.nextSetBit(0); item >= 0; item = catalogue.nextSetBit(item + 1)) {
            catalogueIndex.put(train.itemId(item), item);
        }
    }

    static EvaluationSet of(Split split, boolean excludeSeen) {
        EventLog train = split.train();
        EventLog test = split.test();
        BitSet catalogue = new BitSet(train.itemCount());
        for (int row = 0; row < train.size(); row++) {
            if (train.customer(row) >= 0) {
                catalogue.set(train.item(row));
            }
        }
        int[] testToTrainItem = new int[test.itemCount()];
        for (int item = 0; item < test.itemCount(); item++) {
            int trainItem = train.itemIndex(test.itemId(item));
            testToTrainItem[item] = trainItem >= 0 && catalogue.get(trainItem) ? trainItem : -1;
        }
        List<Customer> customers = new ArrayList<>();
        BitSet seen = new BitSet(train.itemCount());
        for (int customer = 0; customer < train.customerCount(); customer++) {
            int start = train.customerRowsStart(customer);
            int end = train.customerRowsEnd(customer);
            if (start == end) {
                continue;
            }
            int testCustomer = test.customerIndex(train.customerId(customer));
            if (testCustomer < 0 || test.customerRowsStart(testCustomer) == test.customerRowsEnd(testCustomer)) {
                continue;
            }
            seen.clear();
            for (int row = start; row < end; row++) {
                seen.set(train.item(row));
            }
            BitSet targets = new BitSet();
            for (int row = test.customerRowsStart(testCustomer); row < test.customerRowsEnd(testCustomer); row++) {
                int item = testToTrainItem[test.item(row)];
                if (item >= 0 && !(excludeSeen && seen.get(item))) {
                    targets.set(item);
                }
            }
            if (!targets.isEmpty()) {
                customers.add(new Customer(customer, targets, targets.cardinality()));
            }
        }
        return new EvaluationSet(train, catalogue, customers);
    }

    EventLog train() {
        return train;
    }

    List<Customer> customers() {
        return customers;
    }

    int catalogueSize() {
        return catalogue.cardinality();
    }

    /** Returns the training item index of a catalogue item, or {@code -1} for an item outside the catalogue. */
    int catalogueIndex(String itemId) {
        Integer item = catalogueIndex.get(itemId);
        return item == null ? -1 : item;
    }
}
