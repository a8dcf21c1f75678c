package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.SearchCriteria;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The location part of an idealista search path ({@code valencia-valencia}, {@code l-eliana-valencia},
 * {@code barcelona/les-corts/les-corts}). The website addresses places by slug, not by location id, so
 * the slug comes from the portal-specific filter {@code locationSlug} when the location search supplied
 * one, and otherwise from the location label ("L'Eliana, Valencia" → {@code l-eliana-valencia}).
 */
final class IdealistaLocationSlug {

    static final String EXTRA_KEY = "locationSlug";

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*");

    private IdealistaLocationSlug() {
    }

    static String of(SearchCriteria criteria) {
        Object explicit = criteria.extra() == null ? null : criteria.extra().get(EXTRA_KEY);
        String slug = explicit != null ? explicit.toString().trim().replaceAll("^/+|/+$", "")
                : slugify(criteria.locationLabel());
        if (slug == null || !VALID.matcher(slug).matches()) {
            throw new IllegalArgumentException("idealista needs a location slug (filter '" + EXTRA_KEY
                    + "') or a location label to derive it; got slug '" + slug + "' for location "
                    + criteria.locationId());
        }
        return slug;
    }

    static String slugify(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String folded = Normalizer.normalize(label.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
