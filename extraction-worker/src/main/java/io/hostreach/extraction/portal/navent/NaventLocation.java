package io.hostreach.extraction.portal.navent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * avisoInfo's location is the listing's area with its parents chained inside it:
 * {@code {name: "Palermo", label: "BARRIO", parent: {name: "Capital Federal", label: "CIUDAD", parent: {...
 * label: "PROVINCIA"}}}}. Mexico labels the top level ESTADO instead of PROVINCIA.
 */
record NaventLocation(String city, String province) {

    private static final int MAX_DEPTH = 8;

    static NaventLocation of(JsonNode location) {
        String city = null;
        String province = null;
        JsonNode node = location;
        for (int depth = 0; depth < MAX_DEPTH && node != null && node.isObject(); depth++) {
            String label = NaventDetailParser.text(node.path("label"));
            String name = NaventDetailParser.text(node.path("name"));
            if (label != null && name != null) {
                if (city == null && label.equalsIgnoreCase("CIUDAD")) {
                    city = name;
                } else if (province == null && (label.equalsIgnoreCase("PROVINCIA") || label.equalsIgnoreCase("ESTADO"))) {
                    province = name;
                }
            }
            node = node.get("parent");
        }
        return new NaventLocation(city, province);
    }
}
