package io.hostreach.extraction.platform;

import io.hostreach.platform.portal.Portal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocationSearchTest {

    private static final LocationSearch SEARCH = new LocationSearch();

    private static List<Location> search(Portal platform, String q, int limit, String country) {
        return SEARCH.search(platform, q, limit, country).stream().map(LocationIndex.Entry::location).toList();
    }

    private static List<String> labels(Portal platform, String q, int limit) {
        return search(platform, q, limit, null).stream().map(Location::label).toList();
    }

    @Test
    void accentsAndCaseAreIgnoredAndTheProvinceComesFirst() {
        List<Location> malaga = search(Portal.IDEALISTA, "malaga", 5, null);
        assertEquals(new Location("0-EU-ES-29", "Málaga", "province", null), malaga.get(0));
        assertEquals(new Location("0-EU-ES-29-00-000-067", "Málaga, Málaga", "city", "0-EU-ES-29"), malaga.get(1));
        assertTrue(malaga.stream().anyMatch(l -> l.label().equals("Vélez-Málaga, Málaga")), malaga::toString);
        assertEquals(malaga, search(Portal.IDEALISTA, "MÁLAGA", 5, null));
        assertEquals(malaga, search(Portal.IDEALISTA, "  Malaga ", 5, null));
    }

    @Test
    void exactNamesComeBeforePrefixesAndWordMatches() {
        assertEquals(List.of("Valencia", "Valencia, Valencia"), labels(Portal.FOTOCASA, "Valencia", 2));
        List<String> leon = labels(Portal.IDEALISTA, "leon", 3);
        assertEquals(List.of("León", "León, León"), leon.subList(0, 2));
    }

    @Test
    void aPrefixFindsEveryPlaceStartingWithIt() {
        List<String> san = labels(Portal.IDEALISTA, "san", 50);
        assertEquals("Santa Cruz de Tenerife", san.get(0), "first-level divisions first: " + san);
        assertTrue(san.containsAll(List.of("San Sebastián/Donostia, Gipuzkoa", "Santander, Cantabria",
                "Santa Cruz de Tenerife, Santa Cruz de Tenerife", "Sant Cugat del Vallès, Barcelona")), san::toString);
        assertTrue(san.indexOf("San Sebastián/Donostia, Gipuzkoa") < san.indexOf("San Sebastián de los Reyes, Madrid"), san::toString);
    }

    @Test
    void largerCitiesComeFirstAmongEqualMatches() {
        List<String> alcala = labels(Portal.FOTOCASA, "alcala", 10);
        assertTrue(alcala.indexOf("Alcalá de Henares, Madrid") < alcala.indexOf("Alcalá de Guadaíra, Sevilla"), alcala::toString);
    }

    @Test
    void everyWordOfTheQueryMayStartAWordOfTheName() {
        assertEquals(List.of("San Sebastián/Donostia, Gipuzkoa"), labels(Portal.FOTOCASA, "donostia", 5));
        assertEquals(List.of("L'Hospitalet de Llobregat, Barcelona"), labels(Portal.FOTOCASA, "hospitalet", 5));
        assertEquals("L'Hospitalet de Llobregat, Barcelona", labels(Portal.FOTOCASA, "l'hospi", 5).get(0));
        assertEquals("Las Palmas de Gran Canaria, Las Palmas", labels(Portal.FOTOCASA, "palmas gran", 5).get(0));
        assertEquals(List.of(), labels(Portal.FOTOCASA, "gran palmas", 5), "words match in order");
    }

    @Test
    void aliasesFindPlacesByTheirOtherNames() {
        assertEquals(List.of("Lisboa", "Lisboa, Lisboa"), labels(Portal.IDEALISTA, "Lisbon", 2));
        assertEquals("Ciudad de México", labels(Portal.INMUEBLES24, "cdmx", 1).get(0));
        assertEquals("Capital Federal", labels(Portal.ZONAPROP, "caba", 1).get(0));
        assertEquals("Milano, Milano", labels(Portal.IDEALISTA, "milan", 3).get(1));
    }

    @Test
    void neighbourhoodsComeAfterCitiesAndCarryTheirParentsId() {
        List<Location> palermo = search(Portal.ZONAPROP, "palermo", 5, null);
        assertEquals(new Location("palermo", "Palermo, Capital Federal", "neighbourhood", "capital-federal"), palermo.get(0));
        List<String> villa = labels(Portal.ZONAPROP, "villa", 50);
        assertTrue(villa.indexOf("Villa Carlos Paz, Córdoba") < villa.indexOf("Villa Crespo, Capital Federal"), villa::toString);
    }

    @Test
    void theCountryNarrowsAMultiCountryPortal() {
        List<Location> anywhere = search(Portal.IDEALISTA, "lagoa", 10, null);
        List<Location> portugal = search(Portal.IDEALISTA, "lagoa", 10, "PT");
        assertTrue(portugal.stream().allMatch(l -> l.id().startsWith("0-EU-PT-")), portugal::toString);
        assertEquals(List.of("Lagoa, Faro", "Lagoa, Açores"), portugal.stream().map(Location::label).toList());
        assertTrue(search(Portal.IDEALISTA, "roma", 10, "ES").stream().noneMatch(l -> l.label().startsWith("Roma")));
        assertTrue(anywhere.containsAll(portugal));
    }

    @Test
    void theLimitCapsTheAnswer() {
        assertEquals(1, search(Portal.IDEALISTA, "san", 1, null).size());
        assertEquals(LocationSearch.MAX_LIMIT, search(Portal.IDEALISTA, "a", 500, null).size());
    }

    @Test
    void nothingMatchesNothing() {
        assertEquals(List.of(), search(Portal.METROCUADRADO, "zzzz", 20, null));
        assertEquals(List.of(), search(Portal.METROCUADRADO, "--", 20, null));
        // A place of another portal's country is not this portal's.
        assertEquals(List.of(), search(Portal.METROCUADRADO, "Monterrey", 20, null));
    }

    @Test
    void matchQualityOrdersExactPrefixAndWords() {
        List<String> words = List.of("san", "seb");
        assertEquals(0, LocationIndex.quality("san seb", "san seb", words));
        assertEquals(1, LocationIndex.quality("san sebastian donostia", "san seb", words));
        assertEquals(2, LocationIndex.quality("donostia san sebastian", "san seb", words));
        assertEquals(Integer.MAX_VALUE, LocationIndex.quality("sebastian san", "san seb", words));
    }
}
