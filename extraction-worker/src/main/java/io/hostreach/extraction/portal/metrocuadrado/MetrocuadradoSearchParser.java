package io.hostreach.extraction.portal.metrocuadrado;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
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
 * A page of the search JSON: {@code {"totalHits": n, "totalEntries": n, "results": [...]}}. The page number
 * and searched operation are read back from the request URL ({@code from}, {@code realEstateBusinessList}),
 * which is why the response must carry it.
 */
final class MetrocuadradoSearchParser {

    private final ObjectMapper json;
    private final MetrocuadradoListingMapper mapper;

    MetrocuadradoSearchParser(ObjectMapper json, MetrocuadradoListingMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    SearchResultPage parse(PortalResponse response) {
        MetrocuadradoResponseGuard.rejectRefusal(response);
        String body = response.body() == null ? "" : response.body();
        if (MetrocuadradoResponseGuard.looksLikeHtml(body)) {
            String marker = MetrocuadradoResponseGuard.blockMarker(body);
            if (marker != null) {
                throw new PortalBlockedException("metrocuadrado answered a block page (" + marker + ") instead of "
                        + "search JSON for " + response.url());
            }
            throw new PortalLayoutChangedException("metrocuadrado search answered HTML instead of JSON for "
                    + response.url());
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new PortalLayoutChangedException("metrocuadrado search answer is not JSON: " + e.getOriginalMessage(), e);
        }
        // "results" normally; the notes saw listings under "recommended" when "results" was not there at all.
        JsonNode results = root.has("results") ? root.path("results") : root.path("recommended");
        if (!results.isArray()) {
            throw new PortalLayoutChangedException("metrocuadrado search JSON has no 'results' array (keys: "
                    + fieldNames(root) + ")");
        }

        Map<String, String> query = query(response.url());
        String operation = MetrocuadradoListingMapper.operationOf(query.get("realEstateBusinessList"));
        long from = parseLong(query.get("from"), 0);

        List<Listing> listings = new ArrayList<>(results.size());
        for (JsonNode item : results) {
            listings.add(mapper.map(item, operation));
        }
        Integer total = total(root);
        return new SearchResultPage(page(from), listings, isLastPage(from, listings.size(), total), total);
    }

    /** Empty, or nothing past this page within what the API serves (totalHits, capped at 10,000 entries). */
    private static boolean isLastPage(long from, int count, Integer total) {
        if (count == 0) {
            return true;
        }
        long reachable = Math.min(total == null ? Long.MAX_VALUE : total, MetrocuadradoSearchQuery.MAX_ENTRIES);
        if (total == null) {
            return count < MetrocuadradoSearchQuery.PAGE_SIZE || from + count >= reachable;
        }
        return from + count >= reachable;
    }

    private static Integer total(JsonNode root) {
        for (String field : List.of("totalHits", "totalEntries")) {
            JsonNode value = root.path(field);
            if (value.canConvertToInt()) {
                return value.asInt();
            }
            if (value.isTextual() && value.asText().matches("\\d+")) {
                return Integer.valueOf(value.asText());
            }
        }
        return null;
    }

    private static int page(long from) {
        return (int) (from / MetrocuadradoSearchQuery.PAGE_SIZE) + 1;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        if (url == null) {
            return params;
        }
        String raw;
        try {
            raw = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return params;
        }
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static long parseLong(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static List<String> fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
