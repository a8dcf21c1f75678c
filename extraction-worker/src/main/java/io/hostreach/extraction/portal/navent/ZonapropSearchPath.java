package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.SearchCriteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Zonaprop's grammar, e.g.
 * {@code /departamentos-alquiler-palermo-dueno-directo-mas-de-2-habitaciones-mas-45-m2-cubiertos-publicado-hace-menos-de-1-semana-mas-300000-pesos-orden-publicado-descendente-pagina-2.html}.
 * Segment words and order follow URLs observed on the live site (see domain research §2.4).
 */
final class ZonapropSearchPath implements NaventSearchPath {

    static final Map<String, String> OPERATIONS = Map.of("sale", "venta", "rent", "alquiler");

    private static final Map<String, String> TYPES = Map.of(
            "any", "inmuebles",
            "homes", "casas-departamentos-ph",
            "flats", "departamentos",
            "houses", "casas",
            "offices", "oficinas",
            "premises", "locales-comerciales",
            "garages", "cocheras",
            "lands", "terrenos");

    /** "day" asks for the site's "since yesterday" window: a superset, and the run dedupes by listing id. */
    private static final Map<String, String> PUBLISHED = Map.of(
            "day", "publicado-hace-menos-de-2-dias",
            "week", "publicado-hace-menos-de-1-semana",
            "month", "publicado-hace-menos-de-1-mes");

    /** Zonaprop lists sales in dollars and rents in pesos; extra.currency (USD|ARS) overrides. */
    private static final Map<String, String> CURRENCY_WORDS = Map.of("USD", "dolar", "ARS", "pesos");

    @Override
    public String build(SearchCriteria criteria, int page) {
        List<String> segments = new ArrayList<>();
        segments.add(NaventPathSegments.propertyType(criteria, TYPES, "zonaprop"));
        segments.add(NaventPathSegments.operation(criteria, OPERATIONS));
        segments.add(NaventPathSegments.location(criteria));
        if (NaventPathSegments.privateOnly(criteria)) {
            segments.add("dueno-directo");
        }
        if (criteria.bedrooms() != null && criteria.bedrooms() > 0) {
            segments.add("mas-de-" + NaventPathSegments.count(criteria.bedrooms(), "habitacion", "habitaciones"));
        }
        if (criteria.bathrooms() != null && criteria.bathrooms() > 0) {
            segments.add("mas-de-" + NaventPathSegments.count(criteria.bathrooms(), "bano", "banos"));
        }
        String size = range(criteria.minSize() == null ? null : criteria.minSize().toString(),
                criteria.maxSize() == null ? null : criteria.maxSize().toString(), "m2-cubiertos");
        if (size != null) {
            segments.add(size);
        }
        if (criteria.publishedWithin() != null) {
            String published = PUBLISHED.get(criteria.publishedWithin());
            if (published == null) {
                throw new IllegalArgumentException("publishedWithin must be day, week or month, was "
                        + criteria.publishedWithin());
            }
            segments.add(published);
        }
        String price = range(criteria.minPrice() == null ? null : NaventPathSegments.amount(criteria.minPrice()),
                criteria.maxPrice() == null ? null : NaventPathSegments.amount(criteria.maxPrice()),
                currencyWord(criteria));
        if (price != null) {
            segments.add(price);
        }
        segments.add("orden-publicado-descendente");
        return "/" + String.join("-", segments) + NaventPathSegments.pageSuffix(page) + ".html";
    }

    /** "45-100-m2-cubiertos", "mas-45-m2-cubiertos", "menos-100-m2-cubiertos" (same shape for prices). */
    private static String range(String min, String max, String unit) {
        if (min != null && max != null) {
            return min + "-" + max + "-" + unit;
        }
        if (min != null) {
            return "mas-" + min + "-" + unit;
        }
        if (max != null) {
            return "menos-" + max + "-" + unit;
        }
        return null;
    }

    private static String currencyWord(SearchCriteria criteria) {
        String currency = NaventPathSegments.extraString(criteria, "currency");
        if (currency == null) {
            currency = "sale".equals(criteria.operation()) ? "USD" : "ARS";
        }
        String word = CURRENCY_WORDS.get(currency.toUpperCase());
        if (word == null) {
            throw new IllegalArgumentException("zonaprop prices are in USD or ARS, was " + currency);
        }
        return word;
    }
}
