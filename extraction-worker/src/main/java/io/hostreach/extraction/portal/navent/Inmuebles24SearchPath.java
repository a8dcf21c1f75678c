package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.SearchCriteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inmuebles24's grammar, e.g.
 * {@code /departamentos-en-renta-en-benito-juarez-mas-de-2-recamaras-mas-de-80-metros-cuadrados-cubiertos-publicado-hace-menos-de-1-semana-de-15000-a-25000-pesos-ordenado-por-fechaonline-descendente-pagina-2.html}.
 *
 * <p>No owner-only segment: the research could not confirm one for Mexico, so private sellers are told apart per
 * listing (detail page publisher type) instead of by the URL.
 */
final class Inmuebles24SearchPath implements NaventSearchPath {

    static final Map<String, String> OPERATIONS = Map.of("sale", "venta", "rent", "renta");

    private static final Map<String, String> TYPES = Map.of(
            "any", "inmuebles",
            "homes", "casas-o-departamentos",
            "flats", "departamentos",
            "houses", "casas",
            "offices", "oficinas",
            "premises", "locales-comerciales",
            "lands", "terrenos");

    private static final Map<String, String> PUBLISHED = Map.of(
            "day", "publicado-hace-menos-de-2-dias",
            "week", "publicado-hace-menos-de-1-semana",
            "month", "publicado-hace-menos-de-1-mes");

    private static final Map<String, String> CURRENCY_WORDS = Map.of("MXN", "pesos", "USD", "dolares");

    @Override
    public String build(SearchCriteria criteria, int page) {
        List<String> segments = new ArrayList<>();
        segments.add(NaventPathSegments.propertyType(criteria, TYPES, "inmuebles24"));
        segments.add("en");
        segments.add(NaventPathSegments.operation(criteria, OPERATIONS));
        segments.add("en");
        segments.add(NaventPathSegments.location(criteria));
        if (criteria.bedrooms() != null && criteria.bedrooms() > 0) {
            segments.add("mas-de-" + NaventPathSegments.count(criteria.bedrooms(), "recamara", "recamaras"));
        }
        if (criteria.bathrooms() != null && criteria.bathrooms() > 0) {
            segments.add("mas-de-" + NaventPathSegments.count(criteria.bathrooms(), "bano", "banos"));
        }
        String size = range(criteria.minSize() == null ? null : criteria.minSize().toString(),
                criteria.maxSize() == null ? null : criteria.maxSize().toString(), "metros-cuadrados-cubiertos");
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
        segments.add("ordenado-por-fechaonline-descendente");
        return "/" + String.join("-", segments) + NaventPathSegments.pageSuffix(page) + ".html";
    }

    /** "de-15000-a-25000-pesos", "mas-de-15000-pesos", "hasta-25000-pesos" (same shape for m²). */
    private static String range(String min, String max, String unit) {
        if (min != null && max != null) {
            return "de-" + min + "-a-" + max + "-" + unit;
        }
        if (min != null) {
            return "mas-de-" + min + "-" + unit;
        }
        if (max != null) {
            return "hasta-" + max + "-" + unit;
        }
        return null;
    }

    private static String currencyWord(SearchCriteria criteria) {
        String currency = NaventPathSegments.extraString(criteria, "currency");
        String word = CURRENCY_WORDS.get(currency == null ? "MXN" : currency.toUpperCase());
        if (word == null) {
            throw new IllegalArgumentException("inmuebles24 prices are in MXN or USD, was " + currency);
        }
        return word;
    }
}
