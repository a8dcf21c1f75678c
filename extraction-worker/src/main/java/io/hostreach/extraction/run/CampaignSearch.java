package io.hostreach.extraction.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.portal.SearchCriteria;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a portal campaign's {@code segmentation} asks a run for: the search (common filters mapped to
 * {@link SearchCriteria}, portal-specific keys and privateOnly in {@code extra}), whether only private
 * advertisers count, and how many new leads to bring.
 */
public record CampaignSearch(SearchCriteria criteria, boolean privateOnly, int expectedResults) {

    public static final int DEFAULT_EXPECTED_RESULTS = 50;
    public static final int MAX_EXPECTED_RESULTS = 5000;
    private static final Set<String> COMMON = Set.of("operation", "location", "propertyType", "minPrice", "maxPrice",
            "minSize", "maxSize", "bedrooms", "bathrooms", "publishedWithin");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @throws IllegalArgumentException naming what is missing or malformed */
    public static CampaignSearch of(String segmentationJson) {
        JsonNode segmentation;
        try {
            segmentation = JSON.readTree(segmentationJson == null ? "{}" : segmentationJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("segmentation is not JSON");
        }
        JsonNode filters = segmentation.path("filters");
        if (!filters.isObject()) {
            throw new IllegalArgumentException("segmentation.filters is missing");
        }
        JsonNode location = filters.path("location");
        if (!location.isObject() || text(location, "id") == null) {
            throw new IllegalArgumentException("segmentation.filters.location.id is missing");
        }
        if (text(filters, "operation") == null) {
            throw new IllegalArgumentException("segmentation.filters.operation is missing");
        }
        boolean privateOnly = !filters.hasNonNull("privateOnly") || filters.get("privateOnly").asBoolean(true);

        Map<String, Object> extra = new LinkedHashMap<>();
        filters.fields().forEachRemaining(field -> {
            if (!COMMON.contains(field.getKey()) && !field.getValue().isNull()) {
                extra.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
            }
        });
        extra.put("privateOnly", privateOnly);

        SearchCriteria criteria = new SearchCriteria(text(filters, "operation"), text(location, "id"),
                text(location, "label"), text(filters, "propertyType"), decimal(filters, "minPrice"),
                decimal(filters, "maxPrice"), integer(filters, "minSize"), integer(filters, "maxSize"),
                integer(filters, "bedrooms"), integer(filters, "bathrooms"), text(filters, "publishedWithin"),
                Map.copyOf(extra));
        int expected = segmentation.path("expectedResults").asInt(DEFAULT_EXPECTED_RESULTS);
        return new CampaignSearch(criteria, privateOnly, Math.max(1, Math.min(MAX_EXPECTED_RESULTS, expected)));
    }

    /** The campaign's target for a run that never started (events always carry one); never throws. */
    public static int expectedResultsOf(String segmentationJson) {
        try {
            int expected = JSON.readTree(segmentationJson == null ? "{}" : segmentationJson).path("expectedResults")
                    .asInt(DEFAULT_EXPECTED_RESULTS);
            return Math.max(1, Math.min(MAX_EXPECTED_RESULTS, expected));
        } catch (JsonProcessingException | RuntimeException e) {
            return DEFAULT_EXPECTED_RESULTS;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("segmentation.filters." + field + " must be a number");
        }
        return value.decimalValue();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw new IllegalArgumentException("segmentation.filters." + field + " must be a whole number");
        }
        return value.asInt();
    }
}
