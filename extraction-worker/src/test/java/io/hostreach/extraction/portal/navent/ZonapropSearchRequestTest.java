package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchCriteria;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZonapropSearchRequestTest {

    private final NaventAdapter adapter = Zonaprop.adapter();

    private static SearchCriteria criteria(String operation, String location, String type, BigDecimal minPrice,
                                           BigDecimal maxPrice, Integer minSize, Integer maxSize, Integer bedrooms,
                                           Integer bathrooms, String publishedWithin, Map<String, Object> extra) {
        return new SearchCriteria(operation, location, null, type, minPrice, maxPrice, minSize, maxSize, bedrooms,
                bathrooms, publishedWithin, extra);
    }

    @Test
    void privateOnlyIsOnByDefaultAndUsesTheOwnerSegment() {
        PortalRequest request = adapter.searchRequest(criteria("sale", "palermo", "flats", null, null, null, null,
                null, null, null, Map.of()), 1);

        assertEquals("zonaprop", adapter.portal());
        assertEquals("GET", request.method());
        assertEquals("/departamentos-venta-palermo-dueno-directo-orden-publicado-descendente.html", request.path());
        assertEquals(Map.of(), request.query());
        assertEquals("es-AR,es;q=0.9", request.headers().get("Accept-Language"));
        assertNull(request.body());
    }

    @Test
    void rentWithEveryFilterOnPageTwo() {
        PortalRequest request = adapter.searchRequest(criteria("rent", "capital-federal", "homes", null,
                new BigDecimal("600000"), 45, null, 2, 1, "week", Map.of("privateOnly", false)), 2);

        assertEquals("/casas-departamentos-ph-alquiler-capital-federal-mas-de-2-habitaciones-mas-de-1-bano"
                + "-mas-45-m2-cubiertos-publicado-hace-menos-de-1-semana-menos-600000-pesos"
                + "-orden-publicado-descendente-pagina-2.html", request.path());
    }

    @Test
    void saleRangesArePricedInDollars() {
        PortalRequest request = adapter.searchRequest(criteria("sale", "belgrano", null, new BigDecimal("75000"),
                new BigDecimal("145000.00"), 40, 90, null, 2, "day", Map.of("privateOnly", "false")), 1);

        assertEquals("/inmuebles-venta-belgrano-mas-de-2-banos-40-90-m2-cubiertos-publicado-hace-menos-de-2-dias"
                + "-75000-145000-dolar-orden-publicado-descendente.html", request.path());
    }

    @Test
    void aMinimumOnlyPriceAndACurrencyOverride() {
        PortalRequest request = adapter.searchRequest(criteria("sale", "caballito", "houses",
                new BigDecimal("90000000"), null, null, null, 3, null, "month", Map.of("currency", "ARS")), 4);

        assertEquals("/casas-venta-caballito-dueno-directo-mas-de-3-habitaciones-publicado-hace-menos-de-1-mes"
                + "-mas-90000000-pesos-orden-publicado-descendente-pagina-4.html", request.path());
    }

    @Test
    void otherPropertyTypesHaveTheirWords() {
        assertEquals("/cocheras-alquiler-recoleta-orden-publicado-descendente.html", path("garages"));
        assertEquals("/locales-comerciales-alquiler-recoleta-orden-publicado-descendente.html", path("premises"));
        assertEquals("/oficinas-alquiler-recoleta-orden-publicado-descendente.html", path("offices"));
        assertEquals("/terrenos-alquiler-recoleta-orden-publicado-descendente.html", path("lands"));
    }

    private String path(String type) {
        return adapter.searchRequest(criteria("rent", "recoleta", type, null, null, null, null, null, null, null,
                Map.of("privateOnly", false)), 1).path();
    }

    @Test
    void refusesWhatTheSiteCannotSearch() {
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("rent", "palermo", "rooms",
                null, null, null, null, null, null, null, Map.of()), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("rent", "Palermo Soho",
                null, null, null, null, null, null, null, null, Map.of()), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("lease", "palermo",
                null, null, null, null, null, null, null, null, Map.of()), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("rent", "palermo",
                null, null, null, null, null, null, null, "year", Map.of()), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("sale", "palermo",
                null, new BigDecimal("1"), null, null, null, null, null, null, Map.of("currency", "EUR")), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("rent", "palermo",
                null, null, null, null, null, null, null, null, Map.of()), 0));
    }
}
