package io.hostreach.extraction.portal.navent;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short feature labels of a result card: "65 m² tot.", "55 m² cub.", "3 amb.", "2 dorm.", "1 baño"
 * (zonaprop) or "120 m² lote", "90 m² const.", "3 rec.", "2 baños", "1 estac." (inmuebles24).
 * Ambientes are not bedrooms (they count the living room), so "amb." is deliberately ignored.
 */
record NaventCardFeatures(Integer coveredArea, Integer totalArea, Integer bedrooms, Integer bathrooms) {

    private static final Pattern AREA = Pattern.compile("(\\d[\\d.,]*)\\s*m(?:²|2)\\s*(\\S*)");
    private static final Pattern BEDROOMS = Pattern.compile("(\\d+)\\s*(dorm|rec\\b|rec\\.|recamara|habitac|hab\\.)");
    private static final Pattern BATHROOMS = Pattern.compile("(\\d+)\\s*banos?\\b");

    static NaventCardFeatures parse(List<String> labels) {
        Integer covered = null;
        Integer total = null;
        Integer bedrooms = null;
        Integer bathrooms = null;
        for (String label : labels) {
            String text = fold(label);
            Matcher area = AREA.matcher(text);
            if (area.find()) {
                int value = wholeNumber(area.group(1));
                String qualifier = area.group(2);
                if (qualifier.startsWith("tot") || qualifier.startsWith("lote") || qualifier.startsWith("terr")) {
                    total = value;
                } else {
                    covered = value; // "cub.", "const." and a bare "m²" all describe the built area
                }
                continue;
            }
            Matcher bed = BEDROOMS.matcher(text);
            if (bed.find()) {
                bedrooms = Integer.valueOf(bed.group(1));
                continue;
            }
            Matcher bath = BATHROOMS.matcher(text);
            if (bath.find() && !text.contains("medio")) {
                bathrooms = Integer.valueOf(bath.group(1));
            }
        }
        return new NaventCardFeatures(covered, total, bedrooms, bathrooms);
    }

    /** The size a lead shows: built area when known, else the total. */
    Integer size() {
        return coveredArea != null ? coveredArea : totalArea;
    }

    private static int wholeNumber(String text) {
        // "1.250" is 1250 m² on these sites, decimals are never shown on cards
        return Integer.parseInt(text.replaceAll("[.,]", ""));
    }

    private static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
