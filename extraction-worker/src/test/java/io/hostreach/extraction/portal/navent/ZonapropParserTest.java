package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.AgencyRefusal;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchResultPage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZonapropParserTest {

    private static final String PORTAL = "zonaprop";
    private static final String ORIGIN = "https://www.zonaprop.com.ar";
    private static final String SEARCH = ORIGIN + "/departamentos-venta-palermo-orden-publicado-descendente";

    private final NaventAdapter adapter = Zonaprop.adapter();

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
        assertEquals(20, page.listings().size(), "20 property cards; the development card is not a lead");
        assertTrue(page.listings().stream().noneMatch(l -> l.listingId().equals("49650001")));
        assertEquals(46, page.totalResults());
        assertFalse(page.lastPage());
    }

    @Test
    void mapsEveryCardField() {
        Listing card = page("search-page-1.html", "").listings().get(0);

        assertEquals("zonaprop", card.portal());
        assertEquals("49912345", card.listingId());
        assertEquals(ORIGIN + "/propiedades/clasificado/veclapin-departamento-3-ambientes-con-balcon-palermo-hollywood"
                + "-49912345.html", card.url());
        assertNull(card.title(), "cards have no title of their own");
        assertEquals("Dueño directo. Departamento de 3 ambientes con balcón al frente, muy luminoso, cochera fija "
                + "cubierta.", card.description());
        assertEquals("sale", card.operation(), "read from the search URL");
        assertNull(card.propertyType());
        assertEquals(new BigDecimal("145000"), card.price());
        assertEquals("USD", card.currency());
        assertEquals(65, card.size(), "covered area, not the 70 m² total");
        assertEquals(2, card.rooms(), "2 dorm., not the 3 ambientes");
        assertEquals(1, card.bathrooms());
        assertEquals("Gorriti 5800", card.address());
        assertEquals("Palermo", card.city());
        assertNull(card.province());
        assertNull(card.latitude());
        assertNull(card.longitude());
        assertNull(card.publishedAt());
        assertEquals(AdvertiserType.UNKNOWN, card.advertiserType());
        assertNull(card.advertiserName());
        assertNull(card.phoneRaw());
        assertNull(card.phone());
        assertNull(card.whatsapp());
    }

    @Test
    void aPriceOnRequestHasNoAmount() {
        Listing onRequest = card("49893300");

        assertNull(onRequest.price());
        assertNull(onRequest.currency());
        assertEquals(210, onRequest.size());
        assertEquals(4, onRequest.rooms());
        assertEquals(3, onRequest.bathrooms());
        assertNull(onRequest.address());
    }

    @Test
    void everyCardNeedsItsDetailPageForThePhone() {
        Optional<PortalRequest> request = adapter.contactRequest(card("49887766"));

        assertTrue(request.isPresent());
        assertEquals("/propiedades/clasificado/veclapin-departamento-4-ambientes-palermo-soho-49887766.html",
                request.get().path());
        assertEquals("GET", request.get().method());
        assertTrue(request.get().headers().get("Accept").startsWith("text/html"));
    }

    @Test
    void secondPageIsNotTheLast() {
        SearchResultPage page = page("search-page-2.html", "-pagina-2");

        assertEquals(2, page.page());
        assertEquals(20, page.listings().size());
        assertEquals("49834623", page.listings().get(0).listingId());
        assertFalse(page.lastPage());
    }

    @Test
    void thirdPageHasNoNextLinkAndIsTheLast() {
        SearchResultPage page = page("search-page-3-last.html", "-pagina-3");

        assertEquals(3, page.page());
        assertEquals(6, page.listings().size());
        assertEquals("49782598", page.listings().get(5).listingId());
        assertTrue(page.lastPage());
    }

    @Test
    void anEmptySearchIsALastPageNotAnError() {
        SearchResultPage page = adapter.parseSearchPage(NaventFixtures.page(PORTAL, "search-empty.html", 200,
                ORIGIN + "/departamentos-alquiler-villa-real-dueno-directo-orden-publicado-descendente.html"));

        assertTrue(page.listings().isEmpty());
        assertTrue(page.lastPage());
        assertEquals(0, page.totalResults());
    }

    @Test
    void aRedesignedResultsPageFailsLoudly() {
        PortalLayoutChangedException error = assertThrows(PortalLayoutChangedException.class,
                () -> page("search-layout-changed.html", ""));

        assertTrue(error.getMessage().contains("posting PROPERTY"), error.getMessage());
    }

    @Test
    void theCloudflareChallengeIsABlockWhateverItsStatus() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                NaventFixtures.page(PORTAL, "cloudflare-challenge.html", 403, SEARCH + ".html")));
        PortalBlockedException error = assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                NaventFixtures.page(PORTAL, "cloudflare-challenge.html", 200, SEARCH + ".html")));
        assertTrue(error.getMessage().contains("Cloudflare"), error.getMessage());
        assertThrows(PortalBlockedException.class, () -> adapter.parseContact(card("49912345"),
                NaventFixtures.page(PORTAL, "cloudflare-challenge.html", 503, ORIGIN + "/propiedades/x-49912345.html")));
    }

    @Test
    void aPrivateOwnersDetailGivesTheWhatsappNumberAndEverythingElse() {
        Listing owner = detail("49912345", "detail-private.html");

        assertEquals("49912345", owner.listingId());
        assertEquals("Departamento 3 ambientes con balcón al frente en Palermo Hollywood", owner.title());
        assertTrue(owner.description().startsWith("Dueño directo vende departamento de 3 ambientes con balcón al frente.\n"
                + "Living comedor amplio"), owner.description());
        assertEquals("sale", owner.operation());
        assertEquals("flats", owner.propertyType());
        assertEquals(new BigDecimal("145000"), owner.price());
        assertEquals("USD", owner.currency());
        assertEquals(65, owner.size());
        assertEquals(2, owner.rooms());
        assertEquals(1, owner.bathrooms());
        assertEquals("Gorriti 5800", owner.address());
        assertEquals("Palermo", owner.city());
        assertEquals("Capital Federal", owner.province());
        assertEquals(-34.583291, owner.latitude());
        assertEquals(-58.437102, owner.longitude());
        assertEquals(Instant.parse("2026-03-05T12:41:17Z"), owner.publishedAt(), "Buenos Aires time, UTC-3");
        assertEquals(AdvertiserType.PRIVATE, owner.advertiserType());
        assertEquals("Marta", owner.advertiserName());
        assertEquals("5491155550123", owner.phoneRaw());
        assertEquals("+5491155550123", owner.phone());
        assertEquals(Boolean.TRUE, owner.whatsapp());
        assertTrue(adapter.contactRequest(owner).isEmpty(), "the phone is known now");
    }

    @Test
    void theFullDescriptionRevealsTheRefusalOfAgencies() {
        Listing card = card("49912345");
        assertFalse(AgencyRefusal.refusesAgencies(card.title(), card.description()), "the card text is cut");

        Listing owner = detail("49912345", "detail-private.html");

        assertTrue(AgencyRefusal.refusesAgencies(owner.title(), owner.description()));
    }

    @Test
    void anAgencyIsProfessional() {
        Listing agency = detail("49887766", "detail-professional.html");

        assertEquals(AdvertiserType.PROFESSIONAL, agency.advertiserType());
        assertEquals("Bianchi Propiedades", agency.advertiserName());
        assertEquals("+54 9 11 5555-0456", agency.phoneRaw());
        assertEquals("+5491155550456", agency.phone());
        assertEquals(new BigDecimal("210000"), agency.price());
        assertEquals(85, agency.size());
        assertEquals(3, agency.rooms());
        assertEquals(2, agency.bathrooms());
        assertEquals(Instant.parse("2026-02-27T19:03:00Z"), agency.publishedAt());
        assertFalse(AgencyRefusal.refusesAgencies(agency.title(), agency.description()));
    }

    @Test
    void aHiddenPhoneStaysNull() {
        Listing hidden = detail("49901122", "detail-hidden-phone.html");

        assertNull(hidden.phone());
        assertNull(hidden.phoneRaw(), "the masked partialPhone is not a phone");
        assertEquals(Boolean.FALSE, hidden.whatsapp());
        assertEquals(AdvertiserType.PRIVATE, hidden.advertiserType());
        assertEquals("Thames 1900", hidden.address(), "a hidden address keeps the card's");
        assertEquals(45, hidden.size());
    }

    @Test
    void aDetailPageWithoutAvisoInfoFailsLoudly() {
        PortalLayoutChangedException error = assertThrows(PortalLayoutChangedException.class,
                () -> detail("49912345", "detail-layout-changed.html"));

        assertTrue(error.getMessage().contains("avisoInfo"), error.getMessage());
    }

    @Test
    void aDetailPageOfAnotherAdLeavesTheListingAlone() {
        Listing card = card("49901122");

        Listing after = adapter.parseContact(card, NaventFixtures.page(PORTAL, "detail-private.html", 200,
                ORIGIN + "/propiedades/clasificado/x-49901122.html"));

        assertSame(card, after, "Navent redirected to another ad: its phone is not this listing's");
    }

    @Test
    void aWithdrawnAdLeavesTheListingAlone() {
        Listing card = card("49912345");

        assertSame(card, adapter.parseContact(card, new PortalResponse(410, "text/html", "<html></html>", card.url())));
    }
}
