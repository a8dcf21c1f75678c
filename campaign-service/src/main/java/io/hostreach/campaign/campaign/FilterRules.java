package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;

import java.util.List;
import java.util.Set;

/**
 * The common keys of a portal's {@code segmentation.filters} (public API §4). Values are checked at
 * create and update; the keys a campaign needs to run (operation, location) are checked on → running.
 */
final class FilterRules {

    static final Set<String> KEYS = Set.of("operation", "location", "propertyType", "minPrice", "maxPrice",
            "minSize", "maxSize", "bedrooms", "bathrooms", "publishedWithin", "privateOnly");
    static final List<String> OPERATIONS = List.of("sale", "rent");
    static final List<String> PROPERTY_TYPES = List.of("homes", "flats", "houses", "rooms", "offices", "premises",
            "garages", "lands", "buildings", "storage");
    static final List<String> PUBLISHED_WITHIN = List.of("day", "week", "month");
    private static final String PATH = "segmentation.filters";

    private FilterRules() {
    }

    static void check(ObjectNode filters, Violations v) {
        JsonBody.allowOnly(filters, PATH, KEYS, v);
        JsonBody.oneOf(filters, "operation", PATH, OPERATIONS, v);
        ObjectNode location = JsonBody.object(filters, "location", PATH, v);
        if (location != null) {
            checkLocation(location, v);
        }
        JsonBody.oneOf(filters, "propertyType", PATH, PROPERTY_TYPES, v);
        Double minPrice = nonNegative(filters, "minPrice", v);
        Double maxPrice = nonNegative(filters, "maxPrice", v);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            v.add(PATH + ".minPrice", PATH + ".minPrice must not be greater than " + PATH + ".maxPrice");
        }
        Integer minSize = JsonBody.integerBetween(filters, "minSize", PATH, 0, 1_000_000, v);
        Integer maxSize = JsonBody.integerBetween(filters, "maxSize", PATH, 0, 1_000_000, v);
        if (minSize != null && maxSize != null && minSize > maxSize) {
            v.add(PATH + ".minSize", PATH + ".minSize must not be greater than " + PATH + ".maxSize");
        }
        JsonBody.integerBetween(filters, "bedrooms", PATH, 0, 20, v);
        JsonBody.integerBetween(filters, "bathrooms", PATH, 0, 20, v);
        JsonBody.oneOf(filters, "publishedWithin", PATH, PUBLISHED_WITHIN, v);
        JsonBody.bool(filters, "privateOnly", PATH, v);
    }

    /** What a portal campaign must have before it runs. */
    static void checkRunnable(JsonNode filters, Violations v) {
        if (filters == null || !filters.hasNonNull("operation")) {
            v.add(PATH + ".operation", PATH + ".operation is required to run a portal campaign (sale or rent)");
        }
        if (filters == null || !filters.hasNonNull("location")) {
            v.add(PATH + ".location", PATH + ".location is required to run a portal campaign "
                    + "(use GET /platforms/{platform}/locations)");
        }
    }

    private static void checkLocation(ObjectNode location, Violations v) {
        String path = PATH + ".location";
        JsonBody.allowOnly(location, path, Set.of("id", "label", "type", "parent"), v);
        String id = JsonBody.text(location, "id", path, v);
        if (id == null || id.isBlank()) {
            if (!location.hasNonNull("id") || location.get("id").isTextual()) {
                v.add(path + ".id", path + ".id is required");
            }
        } else if (id.length() > 200) {
            v.add(path + ".id", path + ".id must be at most 200 characters");
        }
        String label = JsonBody.text(location, "label", path, v);
        if (label != null && label.length() > 200) {
            v.add(path + ".label", path + ".label must be at most 200 characters");
        }
        JsonBody.text(location, "type", path, v);
        JsonBody.text(location, "parent", path, v);
    }

    private static Double nonNegative(ObjectNode filters, String field, Violations v) {
        Double value = JsonBody.number(filters, field, PATH, v);
        if (value != null && value < 0) {
            v.add(PATH + "." + field, PATH + "." + field + " must not be negative");
            return null;
        }
        return value;
    }
}
