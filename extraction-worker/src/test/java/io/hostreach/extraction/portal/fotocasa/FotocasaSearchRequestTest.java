package io.hostreach.extraction.portal.fotocasa;

import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchCriteria;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FotocasaSearchRequestTest {

    private static final String BARCELONA = "724,9,8,232,376,8019,0,0,0";

    private final FotocasaAdapter adapter = new FotocasaAdapter();

    @Test
    void plainSaleSearchAsksTheGatewayForHomesNewestFirst() {
        PortalRequest request = adapter.searchRequest(criteria("sale", BARCELONA, "homes"), 1);

        assertEquals("fotocasa", adapter.portal());
        assertEquals("GET", request.method());
        assertEquals("/v2/propertysearch/search", request.path());
        assertEquals(List.of(
                Map.entry("combinedLocationIds", BARCELONA),
                Map.entry("culture", "es-ES"),
                Map.entry("isMap", "false"),
                Map.entry("pageNumber", "1"),
                Map.entry("pageSize", "30"),
                Map.entry("platformId", "1"),
                Map.entry("propertyTypeId", "2"),
                Map.entry("sortOrderDesc", "true"),
                Map.entry("sortType", "publicationDate"),
                Map.entry("transactionTypeId", "1")), List.copyOf(request.query().entrySet()));
        assertEquals("https://www.fotocasa.es", request.headers().get("Origin"));
        assertEquals("application/json", request.headers().get("Accept"));
    }

    @Test
    void rentWithEveryFilterMapsToTheGatewayParameters() {
        SearchCriteria criteria = new SearchCriteria("rent", "724,19,46,219,531,46250,0,0,0", "Valencia Capital",
                "flats", new BigDecimal("800"), new BigDecimal("1200.50"), 60, 120, 2, 1, "day", Map.of());

        Map<String, String> query = adapter.searchRequest(criteria, 2).query();

        assertEquals("3", query.get("transactionTypeId"));
        assertEquals("2", query.get("propertyTypeId"));
        assertEquals("2", query.get("pageNumber"));
        assertEquals("800", query.get("minPrice"));
        assertEquals("1201", query.get("maxPrice"));
        assertEquals("60", query.get("minSurface"));
        assertEquals("120", query.get("maxSurface"));
        assertEquals("2", query.get("minRooms"));
        assertEquals("1", query.get("minBathrooms"));
        // fotocasa's narrowest window is 48 hours.
        assertEquals("TWO_DAYS", query.get("publicationDate"));
        assertEquals("724,19,46,219,531,46250,0,0,0", query.get("combinedLocationIds"));
    }

    @Test
    void weekAndMonthWindowsAndAbsentFiltersLeaveNoParameter() {
        Map<String, String> week = adapter.searchRequest(new SearchCriteria("sale", BARCELONA, null, null, null,
                null, null, null, null, null, "week", null), 1).query();
        Map<String, String> month = adapter.searchRequest(new SearchCriteria("sale", BARCELONA, null, null, null,
                null, null, null, null, null, "month", null), 1).query();

        assertEquals("ONE_WEEK", week.get("publicationDate"));
        assertEquals("ONE_MONTH", month.get("publicationDate"));
        assertFalse(week.containsKey("minPrice"));
        assertFalse(week.containsKey("minRooms"));
    }

    @Test
    void aShortLocationIdIsPaddedToItsNineLevels() {
        assertEquals("724,9,8,0,0,0,0,0,0",
                adapter.searchRequest(criteria("sale", "724, 9, 8", "homes"), 1).query().get("combinedLocationIds"));
    }

    @Test
    void requestsFotocasaCannotAnswerAreRefusedBeforeFetching() {
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("sale", "0-EU-ES-46", "homes"), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("sale", "250,11,75,0,0,0,0,0,0", "homes"), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("sale", "724,9,8,232,376,8019,0,0,0,0", "homes"), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("sale", BARCELONA, "offices"), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("lease", BARCELONA, "homes"), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("sale", BARCELONA, "homes"), 0));
    }

    private static SearchCriteria criteria(String operation, String locationId, String propertyType) {
        return new SearchCriteria(operation, locationId, "Barcelona", propertyType, null, null, null, null, null, null,
                null, Map.of());
    }
}
