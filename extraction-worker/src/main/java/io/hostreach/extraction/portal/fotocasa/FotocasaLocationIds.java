package io.hostreach.extraction.portal.fotocasa;

import java.util.ArrayList;
import java.util.List;

/**
 * fotocasa's {@code combinedLocationIds}: nine comma-separated levels from the country (724 = Spain)
 * down to the neighbourhood, unused levels 0 (Barcelona city: {@code 724,9,8,232,376,8019,0,0,0}; the
 * municipality level is its INE code). This is the id fotocasa's location resolution
 * ({@code urllocationsegments}) returns; a shorter prefix is padded with zeros.
 */
final class FotocasaLocationIds {

    static final int LEVELS = 9;
    static final String SPAIN = "724";

    private FotocasaLocationIds() {
    }

    static String normalise(String locationId) {
        if (locationId == null || locationId.isBlank()) {
            throw new IllegalArgumentException("fotocasa needs a location id such as 724,9,8,232,376,8019,0,0,0");
        }
        String[] parts = locationId.trim().split("\\s*,\\s*");
        if (parts.length > LEVELS) {
            throw new IllegalArgumentException("fotocasa location ids have " + LEVELS + " levels: " + locationId);
        }
        List<String> levels = new ArrayList<>(LEVELS);
        for (String part : parts) {
            if (!part.matches("\\d+")) {
                throw new IllegalArgumentException("not a fotocasa location id: " + locationId);
            }
            levels.add(String.valueOf(Long.parseLong(part)));
        }
        if (!SPAIN.equals(levels.get(0))) {
            throw new IllegalArgumentException("fotocasa only serves Spain (724); location id was " + locationId);
        }
        while (levels.size() < LEVELS) {
            levels.add("0");
        }
        return String.join(",", levels);
    }
}
