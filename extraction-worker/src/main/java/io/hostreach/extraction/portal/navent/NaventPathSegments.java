package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.SearchCriteria;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks and spellings shared by both Navent URL grammars. */
final class NaventPathSegments {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private NaventPathSegments() {
    }

    /** The site's word for the operation; unknown operations fail rather than search the wrong market. */
    static String operation(SearchCriteria criteria, Map<String, String> slugs) {
        String slug = criteria.operation() == null ? null : slugs.get(criteria.operation());
        if (slug == null) {
            throw new IllegalArgumentException("operation must be one of " + slugs.keySet() + ", was "
                    + criteria.operation());
        }
        return slug;
    }

    /** Navent location ids are the URL slugs themselves ("capital-federal", "benito-juarez"). */
    static String location(SearchCriteria criteria) {
        String id = criteria.locationId();
        if (id == null || !SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException("location id must be a Navent URL slug like 'palermo', was " + id);
        }
        return id;
    }

    /** The property-type word, or a clear failure for a type the site has no URL word for. */
    static String propertyType(SearchCriteria criteria, Map<String, String> slugs, String portal) {
        String type = criteria.propertyType() == null ? "any" : criteria.propertyType();
        String slug = slugs.get(type);
        if (slug == null) {
            throw new IllegalArgumentException(portal + " has no search for property type '" + type + "'; known: "
                    + slugs.keySet());
        }
        return slug;
    }

    /** privateOnly defaults to true in the public API, so only an explicit false turns it off. */
    static boolean privateOnly(SearchCriteria criteria) {
        Map<String, Object> extra = criteria.extra();
        Object value = extra == null ? null : extra.get("privateOnly");
        return !(Boolean.FALSE.equals(value) || "false".equals(value));
    }

    static String extraString(SearchCriteria criteria, String key) {
        Map<String, Object> extra = criteria.extra();
        Object value = extra == null ? null : extra.get(key);
        return value == null ? null : value.toString();
    }

    /** Whole units, no separators: the URLs carry "145000", never "145.000" or "145000.00". */
    static String amount(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    static String pageSuffix(int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page is 1-based, was " + page);
        }
        return page == 1 ? "" : "-pagina-" + page;
    }

    /** Singular after exactly one ("1-bano"), plural otherwise ("2-banos"). */
    static String count(int n, String singular, String plural) {
        return n + "-" + (n == 1 ? singular : plural);
    }
}
