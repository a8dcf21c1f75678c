package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.SearchCriteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the single path segment that carries idealista's search filters
 * ({@code con-precio-hasta_300000,metros-cuadrados-mas-de_60,…}). Each site has its own words.
 * Bedrooms and bathrooms are minimums in our vocabulary but discrete buckets on idealista, so a minimum
 * becomes the union of its bucket and every bucket above it. A filter a site does not offer is left out
 * (the search widens rather than fails).
 */
final class IdealistaFilterSegment {

    private IdealistaFilterSegment() {
    }

    /** The segment without slashes, or empty when no filter applies. */
    static String build(IdealistaSite site, SearchCriteria criteria) {
        List<String> filters = switch (site) {
            case SPAIN -> spain(criteria);
            case ITALY -> italy(criteria);
            case PORTUGAL -> portugal(criteria);
        };
        return filters.isEmpty() ? "" : site.filterPrefix() + String.join(",", filters);
    }

    private static List<String> spain(SearchCriteria c) {
        List<String> f = new ArrayList<>();
        add(f, "precio-hasta_", c.maxPrice());
        add(f, "precio-desde_", c.minPrice());
        add(f, "metros-cuadrados-mas-de_", c.minSize());
        add(f, "metros-cuadrados-menos-de_", c.maxSize());
        if ("flats".equals(c.propertyType())) {
            f.add("pisos");
        } else if ("houses".equals(c.propertyType())) {
            f.add("chalets");
        }
        f.addAll(fromMinimum(c.bedrooms(), List.of("de-un-dormitorio", "de-dos-dormitorios", "de-tres-dormitorios",
                "de-cuatro-cinco-habitaciones-o-mas"), 1));
        f.addAll(fromMinimum(c.bathrooms(), List.of("dos-banos", "tres-banos-o-mas"), 2));
        published(f, c.publishedWithin(), "publicado_ultimas-24-horas", "publicado_ultima-semana",
                "publicado_ultimo-mes");
        return f;
    }

    private static List<String> italy(SearchCriteria c) {
        List<String> f = new ArrayList<>();
        // On idealista.it "prezzo_N" is the maximum price and "dimensione_N" the minimum size.
        add(f, "prezzo_", c.maxPrice());
        add(f, "prezzo-min_", c.minPrice());
        add(f, "dimensione_", c.minSize());
        add(f, "dimensione-max_", c.maxSize());
        if ("flats".equals(c.propertyType())) {
            f.add("appartamenti");
        }
        // Italy counts "locali" (every room, living room included): N bedrooms means at least N+1 locali.
        Integer minLocali = c.bedrooms() == null || c.bedrooms() <= 0 ? null : c.bedrooms() + 1;
        f.addAll(fromMinimum(minLocali, List.of("monolocali-1", "bilocali-2", "trilocali-3", "quadrilocali-4",
                "5-locali-o-piu"), 1));
        f.addAll(fromMinimum(c.bathrooms(), List.of("bagno-2", "bagno-3"), 2));
        published(f, c.publishedWithin(), "pubblicato_ultime-24-ore", "pubblicato_ultima-settimana",
                "pubblicato_ultimo-mese");
        return f;
    }

    private static List<String> portugal(SearchCriteria c) {
        List<String> f = new ArrayList<>();
        add(f, "preco-max_", c.maxPrice());
        add(f, "preco-min_", c.minPrice());
        add(f, "tamanho-minimo_", c.minSize());
        add(f, "tamanho-maximo_", c.maxSize());
        if ("flats".equals(c.propertyType())) {
            f.add("apartamentos");
        } else if ("houses".equals(c.propertyType())) {
            f.add("moradias");
        }
        // Portuguese typologies T0…T3 are bedroom counts; "t4-t5" is four or more.
        f.addAll(fromMinimum(c.bedrooms(), List.of("t0", "t1", "t2", "t3", "t4-t5"), 0));
        // idealista.pt has no bathroom filter in its URL vocabulary that we know of: left out.
        published(f, c.publishedWithin(), "publicado_ultimas-24-horas", "publicado_ultima-semana",
                "publicado_ultimo-mes");
        return f;
    }

    /**
     * The buckets from the minimum upward. {@code firstBucketValue} is the count of the first bucket and the
     * last bucket means "that many or more". A minimum of zero, or one below the first bucket (which the
     * site cannot express), needs no filter.
     */
    private static List<String> fromMinimum(Integer minimum, List<String> buckets, int firstBucketValue) {
        if (minimum == null || minimum <= 0 || minimum < firstBucketValue) {
            return List.of();
        }
        int index = Math.min(minimum - firstBucketValue, buckets.size() - 1);
        return buckets.subList(index, buckets.size());
    }

    private static void published(List<String> f, String within, String day, String week, String month) {
        if (within == null) {
            return;
        }
        switch (within) {
            case "day" -> f.add(day);
            case "week" -> f.add(week);
            case "month" -> f.add(month);
            default -> throw new IllegalArgumentException("publishedWithin must be day, week or month, was " + within);
        }
    }

    private static void add(List<String> f, String prefix, BigDecimal value) {
        if (value != null) {
            f.add(prefix + value.setScale(0, RoundingMode.HALF_UP).toPlainString());
        }
    }

    private static void add(List<String> f, String prefix, Integer value) {
        if (value != null) {
            f.add(prefix + value);
        }
    }
}
