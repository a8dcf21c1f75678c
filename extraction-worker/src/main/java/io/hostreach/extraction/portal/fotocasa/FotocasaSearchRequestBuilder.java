package io.hostreach.extraction.portal.fotocasa;

import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchCriteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the web gateway's search call
 * ({@code GET /v2/propertysearch/search?combinedLocationIds=…&transactionTypeId=1&propertyTypeId=2&sortType=publicationDate&sortOrderDesc=true&pageNumber=N}),
 * relative to {@code https://web.gw.fotocasa.es}.
 */
final class FotocasaSearchRequestBuilder {

    static final String SEARCH_PATH = "/v2/propertysearch/search";
    /** The gateway caps pages at 30; asking for it explicitly keeps the last-page arithmetic exact. */
    static final int PAGE_SIZE = 30;

    static final int TRANSACTION_BUY = 1;
    static final int TRANSACTION_RENT = 3;
    static final int PROPERTY_TYPE_HOMES = 2;

    private FotocasaSearchRequestBuilder() {
    }

    static PortalRequest build(SearchCriteria criteria, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages are 1-based, was " + page);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("combinedLocationIds", FotocasaLocationIds.normalise(criteria.locationId()));
        query.put("culture", "es-ES");
        query.put("isMap", "false");
        query.put("pageNumber", String.valueOf(page));
        query.put("pageSize", String.valueOf(PAGE_SIZE));
        query.put("platformId", "1");
        query.put("propertyTypeId", String.valueOf(propertyTypeId(criteria.propertyType())));
        query.put("sortOrderDesc", "true");
        query.put("sortType", "publicationDate");
        query.put("transactionTypeId", String.valueOf(transactionTypeId(criteria.operation())));
        putAmount(query, "minPrice", criteria.minPrice());
        putAmount(query, "maxPrice", criteria.maxPrice());
        putInteger(query, "minSurface", criteria.minSize());
        putInteger(query, "maxSurface", criteria.maxSize());
        putInteger(query, "minRooms", criteria.bedrooms());
        putInteger(query, "minBathrooms", criteria.bathrooms());
        if (criteria.publishedWithin() != null) {
            query.put("publicationDate", publicationDate(criteria.publishedWithin()));
        }

        Map<String, String> headers = new LinkedHashMap<>();
        // The gateway serves the www.fotocasa.es web app and checks that calls come from it.
        headers.put("Accept", "application/json");
        headers.put("Origin", "https://www.fotocasa.es");
        headers.put("Referer", "https://www.fotocasa.es/");
        return new PortalRequest("GET", SEARCH_PATH, query, headers, null);
    }

    static int transactionTypeId(String operation) {
        if ("sale".equals(operation)) {
            return TRANSACTION_BUY;
        }
        if ("rent".equals(operation)) {
            return TRANSACTION_RENT;
        }
        throw new IllegalArgumentException("operation must be sale or rent, was " + operation);
    }

    /**
     * Only homes (2) is a known gateway type; flats and houses are homes on fotocasa (the gateway's
     * subtype ids are not known to us, so those searches are wider, never narrower).
     */
    static int propertyTypeId(String propertyType) {
        if (propertyType == null || propertyType.equals("homes") || propertyType.equals("flats")
                || propertyType.equals("houses")) {
            return PROPERTY_TYPE_HOMES;
        }
        throw new IllegalArgumentException("fotocasa adapter searches homes, flats or houses; not " + propertyType);
    }

    /** fotocasa's narrowest window is 48 hours, so "day" asks for two days (wider, never narrower). */
    private static String publicationDate(String within) {
        return switch (within) {
            case "day" -> "TWO_DAYS";
            case "week" -> "ONE_WEEK";
            case "month" -> "ONE_MONTH";
            default -> throw new IllegalArgumentException("publishedWithin must be day, week or month, was " + within);
        };
    }

    private static void putAmount(Map<String, String> query, String key, BigDecimal value) {
        if (value != null) {
            query.put(key, value.setScale(0, RoundingMode.HALF_UP).toPlainString());
        }
    }

    private static void putInteger(Map<String, String> query, String key, Integer value) {
        if (value != null && value > 0) {
            query.put(key, String.valueOf(value));
        }
    }
}
