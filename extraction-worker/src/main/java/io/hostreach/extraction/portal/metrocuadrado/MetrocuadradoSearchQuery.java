package io.hostreach.extraction.portal.metrocuadrado;

import io.hostreach.extraction.portal.SearchCriteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The query string of {@code GET /rest-search/search}. Facts it relies on (domain research §2.3 and peers'
 * verified clients): {@code size} must be 50, {@code from} is an offset, ranges are "min,max" pairs
 * ({@code saleRange} for sales, {@code leaseRange} for rents), and {@code roomList}/{@code bathroomList} match
 * exact counts, so a minimum becomes the list of counts from it upwards.
 *
 * <p>Not sent, because no parameter for them is known: a newest-first sort and a publication-date window.
 */
final class MetrocuadradoSearchQuery {

    /** The API answers nothing for other sizes. */
    static final int PAGE_SIZE = 50;
    /** The API serves at most this many entries per query, whatever totalHits says. */
    static final int MAX_ENTRIES = 10_000;

    /** Highest count offered by the portal's room filters; listed values match exactly. */
    private static final int TOP_COUNT = 5;
    /** Ranges are closed pairs; an open upper bound is sent as a value no listing reaches. */
    private static final String OPEN_PRICE = "999999999999";
    private static final String OPEN_AREA = "100000";

    private static final Pattern CITY_SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Map<String, String> BUSINESS = Map.of("sale", "venta", "rent", "arriendo");
    private static final Map<String, String> TYPES = Map.of(
            "homes", "apartamento,casa,apartaestudio",
            "flats", "apartamento",
            "studios", "apartaestudio",
            "houses", "casa",
            "offices", "oficina",
            "premises", "local",
            "lands", "lote");

    private MetrocuadradoSearchQuery() {
    }

    static Map<String, String> build(SearchCriteria criteria, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page is 1-based, was " + page);
        }
        long from = (long) (page - 1) * PAGE_SIZE;
        if (from >= MAX_ENTRIES) {
            throw new IllegalArgumentException("metrocuadrado serves at most " + MAX_ENTRIES
                    + " entries per query; page " + page + " is beyond it, narrow the search instead");
        }
        String business = criteria.operation() == null ? null : BUSINESS.get(criteria.operation());
        if (business == null) {
            throw new IllegalArgumentException("operation must be sale or rent, was " + criteria.operation());
        }
        String city = criteria.locationId();
        if (city == null || !CITY_SLUG.matcher(city).matches()) {
            throw new IllegalArgumentException("metrocuadrado location id must be a city slug like 'bogota', was "
                    + city);
        }

        Map<String, String> query = new LinkedHashMap<>();
        if (criteria.propertyType() != null) {
            String types = TYPES.get(criteria.propertyType());
            if (types == null) {
                throw new IllegalArgumentException("metrocuadrado has no search for property type '"
                        + criteria.propertyType() + "'; known: " + TYPES.keySet());
            }
            query.put("realEstateTypeList", types);
        }
        query.put("realEstateBusinessList", business);
        query.put("city", city);
        String price = range(whole(criteria.minPrice()), whole(criteria.maxPrice()), OPEN_PRICE);
        if (price != null) {
            query.put("sale".equals(criteria.operation()) ? "saleRange" : "leaseRange", price);
        }
        String area = range(criteria.minSize() == null ? null : criteria.minSize().toString(),
                criteria.maxSize() == null ? null : criteria.maxSize().toString(), OPEN_AREA);
        if (area != null) {
            query.put("areaRange", area);
        }
        if (criteria.bedrooms() != null && criteria.bedrooms() > 0) {
            query.put("roomList", countsFrom(criteria.bedrooms()));
        }
        if (criteria.bathrooms() != null && criteria.bathrooms() > 0) {
            query.put("bathroomList", countsFrom(criteria.bathrooms()));
        }
        query.put("from", Long.toString(from));
        query.put("size", Integer.toString(PAGE_SIZE));
        return query;
    }

    private static String range(String min, String max, String openMax) {
        if (min == null && max == null) {
            return null;
        }
        return (min == null ? "0" : min) + "," + (max == null ? openMax : max);
    }

    /** "at least 3" → "3,4,5"; above the top bucket, just the top bucket. */
    private static String countsFrom(int minimum) {
        StringJoiner counts = new StringJoiner(",");
        for (int n = Math.min(minimum, TOP_COUNT); n <= TOP_COUNT; n++) {
            counts.add(Integer.toString(n));
        }
        return counts.toString();
    }

    private static String whole(BigDecimal amount) {
        return amount == null ? null : amount.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
}
