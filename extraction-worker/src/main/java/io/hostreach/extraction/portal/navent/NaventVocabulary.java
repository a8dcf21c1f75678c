package io.hostreach.extraction.portal.navent;

import java.text.Normalizer;
import java.util.Locale;

/** Navent's Spanish names for operations and property types, in the public API's words. */
final class NaventVocabulary {

    private NaventVocabulary() {
    }

    /** "Venta" → sale; "Alquiler", "Renta", "Alquiler temporal" → rent; anything else → null. */
    static String operation(String name) {
        String folded = fold(name);
        if (folded == null) {
            return null;
        }
        if (folded.startsWith("venta")) {
            return "sale";
        }
        if (folded.startsWith("alquiler") || folded.startsWith("renta")) {
            return "rent";
        }
        return null;
    }

    /** realEstateType.name → homes vocabulary; unmapped names pass through folded ("ph", "bodega"). */
    static String propertyType(String name) {
        String folded = fold(name);
        if (folded == null) {
            return null;
        }
        if (folded.startsWith("departamento")) {
            return "flats";
        }
        if (folded.startsWith("casa")) {
            return "houses";
        }
        if (folded.startsWith("oficina")) {
            return "offices";
        }
        if (folded.startsWith("local")) {
            return "premises";
        }
        if (folded.startsWith("terreno") || folded.startsWith("lote")) {
            return "lands";
        }
        if (folded.startsWith("cochera") || folded.startsWith("estacionamiento")) {
            return "garages";
        }
        return folded.replace(' ', '-');
    }

    static String fold(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
