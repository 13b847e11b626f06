package io.deeppersona.core.preprocess;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.Customer;
import io.deeppersona.api.EventLog;
import io.deeppersona.spi.FittedPreprocessor;
import io.deeppersona.spi.PreprocessResult;
import io.deeppersona.spi.Preprocessor;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops the events of customers who have not consented to a purpose, reason {@code "no-consent"}.
 *
 * <p>A customer the filter knows is kept only if they granted consent for the purpose (a known customer without a
 * decision for it has not). A customer it does not know is kept unless {@code requireExplicitConsent}. Events
 * without a customer are always kept: they cannot be tied to a person, so there is no one whose consent is
 * missing; drop them with {@code missing-values} if needed. Stateless; immutable and thread-safe.
 *
 * <pre>{@code
 * Preprocessor consent = ConsentFilter.of(crm.customers(), Customer.PERSONALISATION, true);
 * }</pre>
 */
public final class ConsentFilter implements Preprocessor, FittedPreprocessor {
    static final String NO_CONSENT = "no-consent";

    private final Map<String, Boolean> granted;
    private final String purpose;
    private final boolean requireExplicitConsent;

    ConsentFilter(Map<String, Boolean> granted, String purpose, boolean requireExplicitConsent) {
        this.granted = Map.copyOf(requireNonNull(granted, "granted is null"));
        this.purpose = requireNonNull(purpose, "purpose is null");
        this.requireExplicitConsent = requireExplicitConsent;
    }

    /**
     * Returns a filter that keeps the customers among {@code customers} who consent to {@code purpose}.
     *
     * @param requireExplicitConsent whether customers not in {@code customers} are dropped (true) or kept (false)
     */
    public static ConsentFilter of(Collection<Customer> customers, String purpose, boolean requireExplicitConsent) {
        requireNonNull(customers, "customers is null");
        requireNonNull(purpose, "purpose is null");
        Map<String, Boolean> granted = new HashMap<>();
        for (Customer customer : customers) {
            granted.put(customer.customerId(), customer.consents(purpose));
        }
        return new ConsentFilter(granted, purpose, requireExplicitConsent);
    }

    @Override
    public String name() {
        return ConsentFilterProvider.NAME;
    }

    @Override
    public FittedPreprocessor fit(EventLog training) {
        return this;
    }

    @Override
    public PreprocessResult apply(EventLog events) {
        RowDrops drops = new RowDrops(events, List.of(NO_CONSENT));
        for (int customer = 0; customer < events.customerCount(); customer++) {
            Boolean decision = granted.get(events.customerId(customer));
            boolean keep = decision == null ? !requireExplicitConsent : decision;
            if (!keep) {
                for (int row = events.customerRowsStart(customer); row < events.customerRowsEnd(customer); row++) {
                    drops.drop(row, NO_CONSENT);
                }
            }
        }
        return drops.result();
    }

    /** Returns the purpose consent is checked for. */
    public String purpose() {
        return purpose;
    }

    /** Returns whether customers without a decision are dropped. */
    public boolean requireExplicitConsent() {
        return requireExplicitConsent;
    }

    @Override
    public String toString() {
        // Counts only: the ids are personal data.
        long grants = granted.values().stream().filter(Boolean::booleanValue).count();
        return "ConsentFilter[purpose=" + purpose + ", requireExplicitConsent=" + requireExplicitConsent
                + ", customers=" + granted.size() + ", granted=" + grants + "]";
    }
}
