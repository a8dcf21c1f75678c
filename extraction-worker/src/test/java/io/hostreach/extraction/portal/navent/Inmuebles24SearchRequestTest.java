package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchCriteria;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Inmuebles24SearchRequestTest {

    private final NaventAdapter adapter = Inmuebles24.adapter();

    private static SearchCriteria criteria(String operation, String location, String type, BigDecimal minPrice,
                                           BigDecimal maxPrice, Integer minSize, Integer maxSize, Integer bedrooms,
                                           Integer bathrooms, String publishedWithin) {
        return new SearchCriteria(operation, location, null, type, minPrice, maxPrice, minSize, maxSize, bedrooms,
                bathrooms, publishedWithin, Map.of());
    }

    @Test
    void rentOfFlatsNewestFirstWithoutAnOwnerSegment() {
        PortalRequest request = adapter.searchRequest(criteria("rent", "benito-juarez", "flats", null, null, null,
                null, null, null, null), 1);

        assertEquals("inmuebles24", adapter.portal());
        assertEquals("/departamentos-en-renta-en-benito-juarez-ordenado-por-fechaonline-descendente.html",
                request.path());
        assertEquals("es-MX,es;q=0.9", request.headers().get("Accept-Language"));
        assertEquals(Map.of(), request.query());
    }

    @Test
    void saleWithEveryFilterOnPageThree() {
        PortalRequest request = adapter.searchRequest(criteria("sale", "ciudad-de-mexico", "homes",
                new BigDecimal("2500000"), new BigDecimal("4000000"), 80, 200, 3, 2, "month"), 3);

        assertEquals("/casas-o-departamentos-en-venta-en-ciudad-de-mexico-mas-de-3-recamaras-mas-de-2-banos"
                + "-de-80-a-200-metros-cuadrados-cubiertos-publicado-hace-menos-de-1-mes-de-2500000-a-4000000-pesos"
                + "-ordenado-por-fechaonline-descendente-pagina-3.html", request.path());
    }

    @Test
    void openPriceAndSizeBoundsUseMasDeAndHasta() {
        assertEquals("/departamentos-en-renta-en-coyoacan-mas-de-1-recamara-hasta-18000-pesos"
                        + "-ordenado-por-fechaonline-descendente.html",
                adapter.searchRequest(criteria("rent", "coyoacan", "flats", null, new BigDecimal("18000"), null,
                        null, 1, null, null), 1).path());
        assertEquals("/casas-en-venta-en-zapopan-mas-de-120-metros-cuadrados-cubiertos-publicado-hace-menos-de-1-semana"
                        + "-mas-de-200000-pesos-ordenado-por-fechaonline-descendente-pagina-2.html",
                adapter.searchRequest(criteria("sale", "zapopan", "houses", new BigDecimal("200000"), null, 120, null,
                        null, null, "week"), 2).path());
        assertEquals("/inmuebles-en-renta-en-merida-hasta-90-metros-cuadrados-cubiertos"
                        + "-ordenado-por-fechaonline-descendente.html",
                adapter.searchRequest(criteria("rent", "merida", null, null, null, null, 90, null, null, null), 1).path());
    }

    @Test
    void refusesWhatTheSiteCannotSearch() {
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("rent", "merida", "garages",
                null, null, null, null, null, null, null), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria(null, "merida", null,
                null, null, null, null, null, null, null), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(criteria("rent", null, null,
                null, null, null, null, null, null, null), 1));
    }
}
