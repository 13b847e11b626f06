package io.deeppersona.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.deeppersona.api.CustomerEvent;
import io.deeppersona.api.EventType;
import io.deeppersona.core.SdkJson;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code POST /v1/events}: one JSON object or an array of them, each with {@code customerId},
 * {@code itemId}, {@code type}, and optionally {@code timestamp} (ISO-8601, default now), {@code quantity} (default
 * 1) and {@code value} (default unknown). The whole batch is validated before any event is recorded, so a bad
 * event fails the request without recording half of it.
 */
final class EventParser {
    static final Set<String> FIELDS = Set.of("customerId", "itemId", "type", "timestamp", "quantity", "value");
    private static final int MAX_ITEM_ID_LENGTH = 256;

    private final ObjectReader reader = SdkJson.json().reader();
    private final int maxEvents;
    private final int maxCustomerIdLength;
    private final Clock clock;

    EventParser(int maxEvents, int maxCustomerIdLength, Clock clock) {
        this.maxEvents = maxEvents;
        this.maxCustomerIdLength = maxCustomerIdLength;
        this.clock = clock;
    }

    /**
     * @throws ApiException 400 for a malformed or invalid event (naming its index), 413 for too many events
     * @throws IOException if the body is not JSON (mapped to 400 by {@link ErrorMapping})
     */
    List<CustomerEvent> parse(byte[] body) throws IOException {
        if (body.length == 0) {
            throw ApiException.badRequest("request body is empty; expected a JSON event object or an array of them");
        }
        JsonNode root = reader.readTree(body);
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest("request body is empty; expected a JSON event object or an array of them");
        }
        if (root.isObject()) {
            return List.of(event(root, -1));
        }
        if (!root.isArray()) {
            throw ApiException.badRequest("request body must be a JSON event object or an array of them, got "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (root.isEmpty()) {
            throw ApiException.badRequest("event array is empty; send at least one event");
        }
        if (root.size() > maxEvents) {
            throw new ApiException(413, ApiError.PAYLOAD_TOO_LARGE, "batch has " + root.size()
                    + " events; at most " + maxEvents + " are accepted per request, split it");
        }
        Instant now = clock.instant();
        List<CustomerEvent> events = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (!node.isObject()) {
                throw ApiException.badRequest("event [" + i + "] must be a JSON object");
            }
            events.add(event(node, i, now));
        }
        return events;
    }

    private CustomerEvent event(JsonNode node, int index) {
        return event(node, index, clock.instant());
    }

    private CustomerEvent event(JsonNode node, int index, Instant now) {
        String where = index < 0 ? "event" : "event [" + index + "]";
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String field = property.getKey();
            if (!FIELDS.contains(field)) {
                throw ApiException.badRequest(where + " has unknown field '" + QueryParams.truncate(field)
                        + "'; expected " + new java.util.TreeSet<>(FIELDS));
            }
        }
        String customerId = text(node, "customerId", where, maxCustomerIdLength);
        String itemId = text(node, "itemId", where, MAX_ITEM_ID_LENGTH);
        EventType type;
        try {
            type = EventType.of(text(node, "type", where, 64));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(where + ": " + e.getMessage());
        }
        Instant timestamp = node.hasNonNull("timestamp") ? timestamp(node.get("timestamp"), where) : now;
        double quantity = number(node, "quantity", where, 1);
        double value = number(node, "value", where, Double.NaN);
        return new CustomerEvent(customerId, itemId, type, timestamp, quantity, value, Map.of());
    }

    private static String text(JsonNode node, String field, String where, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(where + " is missing '" + field + "'");
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw ApiException.badRequest(where + ": '" + field + "' must be a string, got "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            throw ApiException.badRequest(where + ": '" + field + "' is blank");
        }
        if (text.length() > maxLength) {
            throw ApiException.badRequest(where + ": '" + field + "' is " + text.length()
                    + " characters long; at most " + maxLength + " are accepted");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest(where + ": '" + field + "' contains control characters");
        }
        return text;
    }

    private static Instant timestamp(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw ApiException.badRequest(where + ": 'timestamp' must be an ISO-8601 string such as "
                    + "'2025-01-31T09:12:00Z'");
        }
        String text = value.asText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(where + ": 'timestamp' must be ISO-8601 with an offset such as "
                    + "'2025-01-31T09:12:00Z', got '" + QueryParams.truncate(text) + "'");
        }
    }

    private static double number(JsonNode node, String field, String where, double defaultValue) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw ApiException.badRequest(where + ": '" + field + "' must be a finite number");
        }
        return value.asDouble();
    }
}
