package io.hostreach.extraction.portal.metrocuadrado;

import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchCriteria;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetrocuadradoSearchRequestTest {

    private final MetrocuadradoAdapter adapter = new MetrocuadradoAdapter(MetrocuadradoFixtures.API_KEY);

    private static SearchCriteria criteria(String operation, String city, String type, BigDecimal minPrice,
                                           BigDecimal maxPrice, Integer minSize, Integer maxSize, Integer bedrooms,
                                           Integer bathrooms) {
        return new SearchCriteria(operation, city, "Bogotá D.C.", type, minPrice, maxPrice, minSize, maxSize,
                bedrooms, bathrooms, null, Map.of());
    }

    @Test
    void saleOfFlatsWithEveryFilterOnTheFirstPage() {
        PortalRequest request = adapter.searchRequest(criteria("sale", "bogota", "flats",
                new BigDecimal("300000000"), new BigDecimal("700000000.00"), 60, 120, 3, 2), 1);

        assertEquals("GET", request.method());
        assertEquals("/rest-search/search", request.path());
        assertNull(request.body());
        assertEquals(List.of(
                Map.entry("realEstateTypeList", "apartamento"),
                Map.entry("realEstateBusinessList", "venta"),
                Map.entry("city", "bogota"),
                Map.entry("saleRange", "300000000,700000000"),
                Map.entry("areaRange", "60,120"),
                Map.entry("roomList", "3,4,5"),
                Map.entry("bathroomList", "2,3,4,5"),
                Map.entry("from", "0"),
                Map.entry("size", "50")), List.copyOf(request.query().entrySet()));
    }

    @Test
    void sendsTheSiteApiKeyAndBrowserHeaders() {
        PortalRequest request = adapter.searchRequest(criteria("sale", "bogota", null, null, null, null, null, null,
                null), 1);

        assertEquals(MetrocuadradoFixtures.API_KEY, request.headers().get("X-Api-Key"));
        assertEquals("https://www.metrocuadrado.com/", request.headers().get("Referer"));
        assertTrue(request.headers().get("Accept").startsWith("application/json"));
        assertEquals("es-CO,es;q=0.9", request.headers().get("Accept-Language"));
    }

    @Test
    void rentUsesLeaseRangeAndTheThirdPageStartsAtOffsetHundred() {
        PortalRequest request = adapter.searchRequest(criteria("rent", "medellin", null, null,
                new BigDecimal("3500000"), null, null, null, null), 3);

        assertEquals(Map.of(
                "realEstateBusinessList", "arriendo",
                "city", "medellin",
                "leaseRange", "0,3500000",
                "from", "100",
                "size", "50"), request.query());
        assertFalse(request.query().containsKey("realEstateTypeList"), "any type: no type filter");
        assertFalse(request.query().containsKey("saleRange"));
    }

    @Test
    void openUpperBoundsAreSentAsValuesNoListingReaches() {
        PortalRequest request = adapter.searchRequest(criteria("sale", "cali", "homes",
                new BigDecimal("250000000"), null, 70, null, 6, null), 1);

        assertEquals("apartamento,casa,apartaestudio", request.query().get("realEstateTypeList"));
        assertEquals("250000000,999999999999", request.query().get("saleRange"));
        assertEquals("70,100000", request.query().get("areaRange"));
        assertEquals("5", request.query().get("roomList"), "above the top bucket only the top bucket is left");
    }

    @Test
    void housesOfficesPremisesAndLandsMapToThePortalTypes() {
        assertEquals("casa", typeList("houses"));
        assertEquals("oficina", typeList("offices"));
        assertEquals("local", typeList("premises"));
        assertEquals("lote", typeList("lands"));
    }

    private String typeList(String type) {
        return adapter.searchRequest(criteria("sale", "bogota", type, null, null, null, null, null, null), 1)
                .query().get("realEstateTypeList");
    }

    @Test
    void refusesWhatTheApiCannotSearch() {
        assertThrows(IllegalArgumentException.class,
                () -> adapter.searchRequest(criteria("sale", "bogota", "garages", null, null, null, null, null, null), 1));
        assertThrows(IllegalArgumentException.class,
                () -> adapter.searchRequest(criteria("swap", "bogota", null, null, null, null, null, null, null), 1));
        assertThrows(IllegalArgumentException.class,
                () -> adapter.searchRequest(criteria("sale", "Bogotá D.C.", null, null, null, null, null, null, null), 1));
        assertThrows(IllegalArgumentException.class,
                () -> adapter.searchRequest(criteria("sale", "bogota", null, null, null, null, null, null, null), 0));
    }

    @Test
    void stopsAtTheTenThousandEntriesTheApiServes() {
        SearchCriteria any = criteria("sale", "bogota", null, null, null, null, null, null, null);
        assertEquals("9950", adapter.searchRequest(any, 200).query().get("from"));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(any, 201));
    }

    @Test
    void needsAnApiKey() {
        assertThrows(IllegalArgumentException.class, () -> new MetrocuadradoAdapter(" "));
    }
}
