package io.hostreach.extraction.platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of a country's gazetteer file: a first-level division (province, state, department…), a city or
 * a neighbourhood, with each portal's own id for it.
 *
 * @param key        the row's key in its file (INE/ISTAT code, car plate, GeoNames id…), unique per country
 * @param parentKey  the key of the enclosing row, or null for a first-level division
 * @param population for ranking only: approximate, see each file's header
 * @param aliases    other names the place is searched by (Lisbon, CDMX, Donostia…)
 * @param ids        portal → that portal's location id
 * @param verified   portals whose id for this place was seen in a public source (the others follow the pattern)
 */
public record GazetteerPlace(String country, String key, String type, String name, String parentKey, long population,
                             List<String> aliases, Map<String, String> ids, Set<String> verified) {

    public boolean firstLevel() {
        return parentKey == null;
    }
}
