package io.hostreach.extraction.portal.fotocasa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchResultPage;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the gateway's search JSON ({@code {"count": N, "realEstates": [...]}}). The page number, page
 * size, operation and property type are read back from the request URL, which the JSON does not repeat.
 * The page is the last when it is empty or when it reaches {@code count}.
 */
final class FotocasaSearchPageParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FotocasaSearchPageParser() {
    }

    static SearchResultPage parse(PortalResponse response) {
        FotocasaBlockDetector.check(response);
        if (response.status() < 200 || response.status() >= 300) {
            throw new IllegalStateException("fotocasa answered HTTP " + response.status() + " for " + response.url());
        }
        JsonNode root = readObject(response);
        JsonNode realEstates = root.get("realEstates");
        if (realEstates == null || !realEstates.isArray()) {
            throw new PortalLayoutChangedException("fotocasa search JSON from " + response.url()
                    + " has no 'realEstates' array (keys: " + fieldNames(root) + ")");
        }

        Map<String, String> query = queryOf(response.url());
        int page = positiveInt(query.get("pageNumber"), 1);
        int pageSize = positiveInt(query.get("pageSize"), FotocasaSearchRequestBuilder.PAGE_SIZE);
        String operation = operationOf(query.get("transactionTypeId"));
        String propertyType = String.valueOf(FotocasaSearchRequestBuilder.PROPERTY_TYPE_HOMES)
                .equals(query.get("propertyTypeId")) ? "homes" : null;

        List<Listing> listings = new ArrayList<>(realEstates.size());
        for (int i = 0; i < realEstates.size(); i++) {
            listings.add(FotocasaRealEstateMapper.map(realEstates.get(i), i, operation, propertyType));
        }

        JsonNode countNode = root.get("count");
        Integer total = countNode != null && countNode.canConvertToInt() ? countNode.asInt() : null;
        boolean lastPage = listings.isEmpty()
                || (total != null ? (long) page * pageSize >= total : listings.size() < pageSize);
        return new SearchResultPage(page, List.copyOf(listings), lastPage, total);
    }

    private static JsonNode readObject(PortalResponse response) {
        String body = response.body() == null ? "" : response.body().trim();
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new PortalLayoutChangedException("fotocasa search answer from " + response.url()
                        + " is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new PortalLayoutChangedException("fotocasa search answer from " + response.url()
                    + " is not JSON (content type " + response.contentType() + ")", e);
        }
    }

    private static String operationOf(String transactionTypeId) {
        if (String.valueOf(FotocasaSearchRequestBuilder.TRANSACTION_BUY).equals(transactionTypeId)) {
            return "sale";
        }
        if (String.valueOf(FotocasaSearchRequestBuilder.TRANSACTION_RENT).equals(transactionTypeId)) {
            return "rent";
        }
        return null;
    }

    private static Map<String, String> queryOf(String url) {
        Map<String, String> query = new HashMap<>();
        if (url == null) {
            return query;
        }
        String raw;
        try {
            raw = URI.create(url.trim()).getRawQuery();
        } catch (IllegalArgumentException e) {
            return query;
        }
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static int positiveInt(String value, int fallback) {
        if (value == null || !value.matches("\\d+")) {
            return fallback;
        }
        int parsed = Integer.parseInt(value);
        return parsed > 0 ? parsed : fallback;
    }

    private static String fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
