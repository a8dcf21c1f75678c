package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.AgencyRefusal;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchResultPage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Inmuebles24ParserTest {

    private static final String PORTAL = "inmuebles24";
    private static final String ORIGIN = "https://www.inmuebles24.com";
    private static final String SEARCH = ORIGIN + "/departamentos-en-renta-en-benito-juarez-ordenado-por-fechaonline-descendente";

    private final NaventAdapter adapter = Inmuebles24.adapter();

    private SearchResultPage page(String fixture, String suffix) {
        return adapter.parseSearchPage(NaventFixtures.page(PORTAL, fixture, 200, SEARCH + suffix + ".html"));
    }

    private Listing card(String id) {
        return page("search-page-1.html", "").listings().stream()
                .filter(l -> l.listingId().equals(id)).findFirst().orElseThrow();
    }

    private Listing detail(String cardId, String fixture) {
        Listing card = card(cardId);
        PortalRequest request = adapter.contactRequest(card).orElseThrow();
        return adapter.parseContact(card, NaventFixtures.page(PORTAL, fixture, 200, ORIGIN + request.path()));
    }

    @Test
    void firstPageKeepsPropertiesSkipsDevelopmentsAndHasANextPage() {
        SearchResultPage page = page("search-page-1.html", "");

        assertEquals(1, page.page());
        assertEquals(20, page.listings().size());
        assertTrue(page.listings().stream().noneMatch(l -> l.listingId().equals("58400012")));
        assertEquals(45, page.totalResults());
        assertFalse(page.lastPage());
    }

    @Test
    void mapsEveryCardFieldWithMexicanFormats() {
        Listing card = page("search-page-1.html", "").listings().get(0);

        assertEquals("inmuebles24", card.portal());
        assertEquals("58712233", card.listingId());
        assertEquals(ORIGIN + "/propiedades/clasificado/departamento-en-renta-en-del-valle-centro-2-recamaras-58712233.html",
                card.url());
        assertEquals("Rento departamento directamente, dueño directo, 2 recámaras a dos calles del Parque Hundido.",
                card.description());
        assertEquals("rent", card.operation(), "'renta' in the search URL");
        assertEquals(new BigDecimal("18500"), card.price(), "MN 18,500: comma thousands");
        assertEquals("MXN", card.currency());
        assertEquals(78, card.size());
        assertEquals(2, card.rooms(), "2 rec.");
        assertEquals(2, card.bathrooms());
        assertEquals("Calle Pilares 1124", card.address());
        assertEquals("Benito Juárez", card.city());
        assertEquals(AdvertiserType.UNKNOWN, card.advertiserType());
        assertNull(card.phone());
    }

    @Test
    void secondPageIsNotTheLast() {
        SearchResultPage page = page("search-page-2.html", "-pagina-2");

        assertEquals(2, page.page());
        assertEquals(20, page.listings().size());
        assertEquals("58223678", page.listings().get(0).listingId());
        assertFalse(page.lastPage());
    }

    @Test
    void aDisabledNextArrowMarksTheLastPage() {
        SearchResultPage page = page("search-page-3-last.html", "-pagina-3");

        assertEquals(3, page.page());
        assertEquals(5, page.listings().size());
        assertEquals("58388582", page.listings().get(4).listingId());
        assertTrue(page.lastPage());
    }

    @Test
    void anEmptySearchIsALastPageNotAnError() {
        SearchResultPage page = page("search-empty.html", "");

        assertTrue(page.listings().isEmpty());
        assertTrue(page.lastPage());
        assertEquals(0, page.totalResults());
    }

    @Test
    void aRedesignedResultsPageFailsLoudly() {
        PortalLayoutChangedException error = assertThrows(PortalLayoutChangedException.class,
                () -> page("search-layout-changed.html", ""));

        assertTrue(error.getMessage().contains("inmuebles24"), error.getMessage());
    }

    @Test
    void cloudflareBlocksAndCaptchasAreBlocks() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                NaventFixtures.page(PORTAL, "cloudflare-attention-required.html", 403, SEARCH + ".html")));
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                NaventFixtures.page(PORTAL, "captcha.html", 200, SEARCH + ".html")));
        assertThrows(PortalBlockedException.class, () -> adapter.parseContact(card("58712233"),
                NaventFixtures.page(PORTAL, "captcha.html", 200, ORIGIN + "/propiedades/x-58712233.html")));
    }

    @Test
    void aPrivateOwnersLegacyWhatsappIdBecomesE164() {
        Listing owner = detail("58712233", "detail-private.html");

        assertEquals(AdvertiserType.PRIVATE, owner.advertiserType());
        assertEquals("Rodrigo", owner.advertiserName());
        assertEquals("5215555550123", owner.phoneRaw());
        assertEquals("+525555550123", owner.phone(), "the retired mobile '1' is dropped");
        assertEquals(Boolean.TRUE, owner.whatsapp());
        assertEquals("Departamento en renta de 2 recámaras en Del Valle Centro", owner.title());
        assertEquals("rent", owner.operation());
        assertEquals("flats", owner.propertyType());
        assertEquals(new BigDecimal("18500"), owner.price());
        assertEquals("MXN", owner.currency());
        assertEquals(78, owner.size());
        assertEquals("Calle Pilares 1124", owner.address());
        assertEquals("Benito Juárez", owner.city());
        assertEquals("Ciudad de México", owner.province(), "ESTADO level");
        assertEquals(19.378412, owner.latitude());
        assertEquals(-99.171509, owner.longitude());
        assertEquals(Instant.parse("2026-03-09T17:20:05Z"), owner.publishedAt(), "Mexico City time, UTC-6");
        assertTrue(AgencyRefusal.refusesAgencies(owner.title(), owner.description()), "'No inmobiliarias'");
    }

    @Test
    void anAgencyWithoutATypeIdIsKnownByItsMicrosite() {
        Listing agency = detail("58690045", "detail-professional.html");

        assertEquals(AdvertiserType.PROFESSIONAL, agency.advertiserType());
        assertEquals("Habitta Bienes Raíces", agency.advertiserName());
        assertEquals("+523335550199", agency.phone(), "+52 1 33 ... loses the '1'");
        assertEquals(Instant.parse("2026-03-01T06:00:00Z"), agency.publishedAt(), "a bare date starts the local day");
        assertEquals(3, agency.rooms());
        assertEquals(95, agency.size());
        assertFalse(AgencyRefusal.refusesAgencies(agency.title(), agency.description()));
    }

    @Test
    void aHiddenPhoneStaysNull() {
        Listing hidden = detail("58705510", "detail-hidden-phone.html");

        assertNull(hidden.phone());
        assertNull(hidden.phoneRaw());
        assertEquals(Boolean.FALSE, hidden.whatsapp());
        assertEquals(AdvertiserType.PRIVATE, hidden.advertiserType());
        assertEquals(new BigDecimal("14200"), hidden.price());
    }

    @Test
    void aDetailPageWithoutAvisoInfoFailsLoudly() {
        PortalLayoutChangedException error = assertThrows(PortalLayoutChangedException.class,
                () -> detail("58712233", "detail-layout-changed.html"));

        assertTrue(error.getMessage().contains("avisoInfo"), error.getMessage());
    }
}
