package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchCriteria;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdealistaSearchRequestTest {

    private final IdealistaAdapter adapter = new IdealistaAdapter();

    @Test
    void plainSpanishSaleSearchIsNewestFirstWithoutFilterSegment() {
        PortalRequest request = adapter.searchRequest(criteria("sale", "0-EU-ES-46-07-001-250", "Valencia, Valencia"), 1);

        assertEquals("idealista", adapter.portal());
        assertEquals("GET", request.method());
        assertEquals("/venta-viviendas/valencia-valencia/", request.path());
        assertEquals(List.of(Map.entry("ordenado-por", "fecha-publicacion-desc")), List.copyOf(request.query().entrySet()));
        assertTrue(request.headers().get("Accept-Language").startsWith("es-ES"));
    }

    @Test
    void spanishRentWithEveryFilterPutsThemInOneSegmentAndPagesWithPaginaHtm() {
        SearchCriteria criteria = new SearchCriteria("rent", "0-EU-ES-08-07-001-019", "Les Corts, Barcelona", "flats",
                new BigDecimal("800"), new BigDecimal("1200"), 60, 120, 2, 2, "week",
                Map.of("locationSlug", "barcelona/les-corts/les-corts"));

        PortalRequest request = adapter.searchRequest(criteria, 3);

        assertEquals("/alquiler-viviendas/barcelona/les-corts/les-corts/"
                + "con-precio-hasta_1200,precio-desde_800,metros-cuadrados-mas-de_60,metros-cuadrados-menos-de_120,"
                + "pisos,de-dos-dormitorios,de-tres-dormitorios,de-cuatro-cinco-habitaciones-o-mas,"
                + "dos-banos,tres-banos-o-mas,publicado_ultima-semana/pagina-3.htm", request.path());
        assertEquals(Map.of("ordenado-por", "fecha-publicacion-desc"), request.query());
    }

    @Test
    void aBedroomMinimumAboveTheTopBucketKeepsOnlyTheTopBucket() {
        SearchCriteria criteria = new SearchCriteria("sale", "0-EU-ES-46", "Valencia", "houses", null,
                new BigDecimal("350000.40"), null, null, 6, 1, "day", Map.of("locationSlug", "valencia-provincia"));

        PortalRequest request = adapter.searchRequest(criteria, 1);

        // bathrooms >= 1 is every home, so it adds no filter; the price is rounded to whole euros.
        assertEquals("/venta-viviendas/valencia-provincia/con-precio-hasta_350000,chalets,"
                + "de-cuatro-cinco-habitaciones-o-mas,publicado_ultimas-24-horas/", request.path());
    }

    @Test
    void italianSearchUsesItalianWordsListaPagesAndLocaliForBedrooms() {
        SearchCriteria criteria = new SearchCriteria("sale", "0-EU-IT-MI-015-146", "Milano, Milano", null,
                new BigDecimal("200000"), new BigDecimal("450000"), 70, null, 2, 2, "month", null);

        PortalRequest request = adapter.searchRequest(criteria, 2);

        // prezzo_ is the maximum on idealista.it; 2 bedrooms means 3 locali or more.
        assertEquals("/vendita-case/milano-milano/con-prezzo_450000,prezzo-min_200000,dimensione_70,"
                + "trilocali-3,quadrilocali-4,5-locali-o-piu,bagno-2,bagno-3,pubblicato_ultimo-mese/lista-2.htm",
                request.path());
        assertEquals(Map.of("ordine", "pubblicazione-desc"), request.query());
        assertEquals(Optional.of(IdealistaSite.ITALY), IdealistaSite.forRequestPath(request.path()));
    }

    @Test
    void portugueseSearchUsesComPrefixTypologiesAndPaginaWithoutHtm() {
        SearchCriteria criteria = new SearchCriteria("rent", "0-EU-PT-11-06", "Lisboa", "flats",
                null, new BigDecimal("1500"), null, 90, 1, 3, null, Map.of("locationSlug", "lisboa"));

        PortalRequest request = adapter.searchRequest(criteria, 2);

        // No bathroom filter exists in idealista.pt URLs: the search is left wider.
        assertEquals("/arrendar-casas/lisboa/com-preco-max_1500,tamanho-maximo_90,apartamentos,t1,t2,t3,t4-t5/pagina-2",
                request.path());
        assertEquals(Map.of("ordem", "atualizado-desc"), request.query());
        assertEquals(Optional.of(IdealistaSite.PORTUGAL), IdealistaSite.forRequestPath(request.path()));
    }

    @Test
    void roomsForRentHaveTheirOwnSearchWord() {
        SearchCriteria criteria = new SearchCriteria("rent", "0-EU-ES-VC-46", "Valencia, Valencia", "rooms",
                null, null, null, null, null, null, null, null);

        assertEquals("/alquiler-habitacion/valencia-valencia/", adapter.searchRequest(criteria, 1).path());
    }

    @Test
    void labelsAreSlugifiedWithoutAccentsOrApostrophes() {
        assertEquals("/alquiler-viviendas/l-eliana-valencia/",
                adapter.searchRequest(criteria("rent", "0-EU-ES-46-07-001-116", "L'Eliana, Valencia"), 1).path());
        assertEquals("/venta-viviendas/alcala-de-henares-madrid/",
                adapter.searchRequest(criteria("sale", "0-EU-ES-28-07-001-005", "Alcalá de Henares, Madrid"), 1).path());
    }

    @Test
    void theSiteFollowsTheLocationIdIncludingTheRegionStyleIds() {
        assertEquals(IdealistaSite.SPAIN, IdealistaSite.fromLocationId("0-EU-ES-VC-46-46250-999-2-009"));
        assertEquals(IdealistaSite.ITALY, IdealistaSite.fromLocationId("0-EU-IT-RM"));
        assertEquals(IdealistaSite.PORTUGAL, IdealistaSite.fromLocationId("0-EU-PT-13"));
        assertEquals("IT", IdealistaSite.ITALY.phoneRegion());
        assertEquals("EUR", IdealistaSite.PORTUGAL.currency());
    }

    @Test
    void requestsIdealistaCannotAnswerAreRefusedBeforeFetching() {
        assertThrows(IllegalArgumentException.class,
                () -> adapter.searchRequest(criteria("sale", "0-EU-FR-75", "Paris"), 1));
        assertThrows(IllegalArgumentException.class,
                () -> adapter.searchRequest(criteria("lease", "0-EU-ES-46", "Valencia"), 1));
        assertThrows(IllegalArgumentException.class,
                () -> adapter.searchRequest(criteria("sale", "0-EU-ES-46", "Valencia"), 0));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(new SearchCriteria("sale",
                "0-EU-ES-46", "Valencia", "rooms", null, null, null, null, null, null, null, null), 1));
        assertThrows(IllegalArgumentException.class, () -> adapter.searchRequest(new SearchCriteria("sale",
                "0-EU-IT-MI", "Milano", "offices", null, null, null, null, null, null, null, null), 1));
        IllegalArgumentException noSlug = assertThrows(IllegalArgumentException.class,
                () -> adapter.searchRequest(criteria("sale", "0-EU-ES-46", null), 1));
        assertTrue(noSlug.getMessage().contains("locationSlug"), noSlug.getMessage());
    }

    private static SearchCriteria criteria(String operation, String locationId, String label) {
        return new SearchCriteria(operation, locationId, label, "homes", null, null, null, null, null, null, null,
                Map.of());
    }
}
