package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;
import io.hostreach.platform.portal.FilterSchemas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The bundled gazetteer: complete first-level divisions, enough cities, ids each portal's schema accepts. */
class GazetteerDataTest {

    private static final Gazetteer GAZETTEER = Gazetteer.fromClasspath();
    private static final LocationSearch SEARCH = new LocationSearch(GAZETTEER);
    private static final FilterSchemas SCHEMAS = new FilterSchemas();

    /** First-level divisions per country: ES 50 provinces + Ceuta and Melilla, IT 107 provinces, PT 18 districts + 2
     *  autonomous regions, CO 32 departments + Bogotá D.C., MX 31 states + Mexico City, AR 23 provinces + CABA. */
    private static final Map<String, Integer> DIVISIONS = Map.of("ES", 52, "IT", 107, "PT", 20, "CO", 33, "MX", 32, "AR", 24);

    @Test
    void everyPortalHasEveryFirstLevelDivisionAndTwoHundredCitiesPerCountry() {
        for (Portal platform : Portal.values()) {
            for (String country : platform.countries()) {
                List<LocationIndex.Entry> entries = SEARCH.entries(platform).stream()
                        .filter(e -> e.place().country().equals(country)).toList();
                long divisions = entries.stream().filter(e -> e.place().firstLevel()).count();
                long cities = entries.stream().filter(e -> e.place().type().equals("city")).count();
                assertEquals(DIVISIONS.get(country), (int) divisions, platform.id() + " " + country + " divisions");
                assertTrue(cities >= 200, platform.id() + " " + country + " has " + cities + " cities");
            }
        }
    }

    @Test
    void spainHasItsFiftyProvincesAndTwoAutonomousCities() {
        Map<String, Long> types = GAZETTEER.places("ES").stream().filter(GazetteerPlace::firstLevel)
                .collect(Collectors.groupingBy(GazetteerPlace::type, Collectors.counting()));
        assertEquals(Map.of("province", 50L, "autonomous_city", 2L), types);
        Set<String> codes = GAZETTEER.places("ES").stream().filter(GazetteerPlace::firstLevel).map(GazetteerPlace::key)
                .collect(Collectors.toSet());
        for (int code = 1; code <= 52; code++) {
            assertTrue(codes.contains(String.format("%02d", code)), "INE province " + code);
        }
    }

    @Test
    void everyIdMatchesItsPortalsSchemaAndIsUnique() {
        for (Portal platform : Portal.values()) {
            JsonNode location = SCHEMAS.document(platform).at("/properties/location/properties");
            Pattern pattern = Pattern.compile(location.at("/id/pattern").asText());
            Set<String> types = new HashSet<>();
            location.at("/type/enum").forEach(t -> types.add(t.asText()));
            Set<String> ids = new HashSet<>();
            Set<String> labels = new HashSet<>();
            for (LocationIndex.Entry entry : SEARCH.entries(platform)) {
                Location l = entry.location();
                assertTrue(pattern.matcher(l.id()).find(), platform.id() + " id " + l.id() + " does not match " + pattern);
                assertTrue(types.contains(l.type()), platform.id() + " type " + l.type());
                assertTrue(ids.add(l.id()), platform.id() + " duplicate id " + l.id());
                assertTrue(labels.add(l.label()), platform.id() + " duplicate label " + l.label());
                assertTrue(l.label().length() <= 200 && !l.label().isBlank(), l.label());
            }
        }
    }

    @Test
    void everyParentExistsAndIsTheEnclosingDivision() {
        for (Portal platform : Portal.values()) {
            Map<String, LocationIndex.Entry> byId = SEARCH.entries(platform).stream()
                    .collect(Collectors.toMap(e -> e.location().id(), Function.identity()));
            for (LocationIndex.Entry entry : SEARCH.entries(platform)) {
                String parent = entry.location().parent();
                if (entry.place().firstLevel()) {
                    assertEquals(null, parent, entry.location().label());
                    continue;
                }
                LocationIndex.Entry enclosing = byId.get(parent);
                assertNotNull(enclosing, platform.id() + ": parent " + parent + " of " + entry.location().label());
                assertTrue(enclosing.place().firstLevel(), entry.location().label());
                assertEquals(entry.place().country(), enclosing.place().country());
                assertTrue(entry.location().label().endsWith(", " + enclosing.place().name()), entry.location().label());
            }
        }
    }

    @Test
    void theLargestPlacesAreThereWithTheirIds() {
        Map<String, String> idealista = ids(Portal.IDEALISTA);
        // Real ids, as published (domain research §2.1, idealista's catalogue).
        assertEquals("0-EU-ES-28-07-001-079", idealista.get("Madrid, Madrid"));
        assertEquals("0-EU-ES-08-07-001-019", idealista.get("Barcelona, Barcelona"));
        assertEquals("0-EU-ES-46-07-001-250", idealista.get("Valencia, Valencia"));
        assertEquals("0-EU-ES-46", idealista.get("Valencia"));
        assertEquals("0-EU-ES-01", idealista.get("Álava"));
        assertEquals("0-EU-IT-MI-01-001-135", idealista.get("Milano, Milano"));
        assertEquals("0-EU-PT-11-06", idealista.get("Lisboa, Lisboa"));
        assertEquals("0-EU-PT-11", idealista.get("Lisboa"));
        // Pattern-derived: the INE municipality code in the documented shape.
        assertEquals("0-EU-ES-29-00-000-067", idealista.get("Málaga, Málaga"));
        for (String label : List.of("Sevilla, Sevilla", "Zaragoza, Zaragoza", "Roma, Roma", "Napoli, Napoli", "Torino, Torino",
                "Porto, Porto", "Sintra, Lisboa", "Vila Nova de Gaia, Porto", "Funchal, Madeira", "Ponta Delgada, Açores")) {
            assertNotNull(idealista.get(label), label);
        }
        assertEquals("724,9,8,232,376,8019,0,0,0", ids(Portal.FOTOCASA).get("Barcelona, Barcelona"));
        assertEquals("724,13,28,0,0,28079,0,0,0", ids(Portal.FOTOCASA).get("Madrid, Madrid"));
        assertEquals("bogota", ids(Portal.METROCUADRADO).get("Bogotá D.C."));
        assertEquals("medellin", ids(Portal.METROCUADRADO).get("Medellín, Antioquia"));
        assertEquals("capital-federal", ids(Portal.ZONAPROP).get("Capital Federal"));
        assertEquals("palermo", ids(Portal.ZONAPROP).get("Palermo, Capital Federal"));
        assertEquals("rosario", ids(Portal.ZONAPROP).get("Rosario, Santa Fe"));
        assertEquals("benito-juarez", ids(Portal.INMUEBLES24).get("Benito Juárez, Ciudad de México"));
        assertEquals("guadalajara", ids(Portal.INMUEBLES24).get("Guadalajara, Jalisco"));
        assertEquals("monterrey", ids(Portal.INMUEBLES24).get("Monterrey, Nuevo León"));
    }

    @Test
    void everyFileNamesOnlyItsOwnPortalsAndKeysAreUnique() {
        for (String country : Gazetteer.COUNTRIES) {
            Set<String> portals = new HashSet<>();
            for (Portal platform : Portal.values()) {
                if (platform.countries().contains(country)) {
                    portals.add(platform.id());
                }
            }
            Set<String> keys = new HashSet<>();
            List<GazetteerPlace> places = GAZETTEER.places(country);
            assertTrue(places.size() > 200, country);
            for (GazetteerPlace place : places) {
                assertTrue(keys.add(place.key()), country + " duplicate key " + place.key());
                assertEquals(portals, place.ids().keySet(), country + " " + place.key());
                assertTrue(portals.containsAll(place.verified()), country + " " + place.key());
                assertTrue(place.population() >= 0, place.key());
            }
        }
    }

    @Test
    void aBrokenLineIsReportedWithItsNumber() throws Exception {
        String csv = "# comment\nkey|type|name|parent|population|aliases|idealista|verified\n01|province|Álava||1|x|0-EU-ES-01\n";
        try {
            Gazetteer.parse("ES", new java.io.BufferedReader(new java.io.StringReader(csv)));
            fail("a short line must not load");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        }
    }

    private static Map<String, String> ids(Portal platform) {
        Map<String, String> byLabel = new HashMap<>();
        SEARCH.entries(platform).forEach(e -> byLabel.put(e.location().label(), e.location().id()));
        return byLabel;
    }
}
