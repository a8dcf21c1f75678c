package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.AgencyRefusal;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchResultPage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdealistaSearchPageParserTest {

    static final String VALENCIA = "https://www.idealista.com/venta-viviendas/valencia-valencia/";
    static final String NEWEST = "?ordenado-por=fecha-publicacion-desc";

    private final IdealistaAdapter adapter = new IdealistaAdapter();

    static SearchResultPage valenciaPage1() {
        return new IdealistaAdapter().parseSearchPage(
                Fixtures.html(200, "search-valencia-venta-page1.html", VALENCIA + NEWEST));
    }

    @Test
    void firstPageYieldsEveryCardInOrderSkippingAdSlots() {
        SearchResultPage page = valenciaPage1();

        assertEquals(1, page.page());
        assertFalse(page.lastPage());
        assertEquals(62, page.totalResults());
        assertEquals(List.of("104233871", "104198452", "104187730", "104150006"),
                page.listings().stream().map(Listing::listingId).toList());
    }

    @Test
    void aCardWithoutAgencyLogoIsMappedFieldByFieldAndStaysUnknownUntilContactInfo() {
        Listing listing = valenciaPage1().listings().get(0);

        assertEquals("idealista", listing.portal());
        assertEquals("104233871", listing.listingId());
        assertEquals("https://www.idealista.com/inmueble/104233871/", listing.url());
        assertEquals("Piso en calle de Cuba, Russafa, Valencia", listing.title());
        assertTrue(listing.description().startsWith("Vendo piso reformado en pleno Russafa"), listing.description());
        assertEquals("sale", listing.operation());
        assertEquals("homes", listing.propertyType());
        assertEquals(new BigDecimal("245000"), listing.price());
        assertEquals("EUR", listing.currency());
        assertEquals(95, listing.size());
        assertEquals(3, listing.rooms());
        assertNull(listing.bathrooms());
        assertEquals("calle de Cuba, Russafa, Valencia", listing.address());
        assertEquals("Valencia", listing.city());
        assertNull(listing.province());
        assertNull(listing.latitude());
        assertNull(listing.longitude());
        assertNull(listing.publishedAt());
        assertEquals(AdvertiserType.UNKNOWN, listing.advertiserType());
        assertNull(listing.advertiserName());
        assertNull(listing.phoneRaw());
        assertNull(listing.phone());
        assertNull(listing.whatsapp());
    }

    @Test
    void aCardWithAgencyLogoIsProfessionalAndItsPrintedPhoneIsNormalised() {
        Listing listing = valenciaPage1().listings().get(1);

        assertEquals(AdvertiserType.PROFESSIONAL, listing.advertiserType());
        assertEquals("Turia Homes Inmobiliaria", listing.advertiserName());
        assertEquals("+34963012345", listing.phoneRaw());
        assertEquals("+34963012345", listing.phone());
        assertEquals(new BigDecimal("389000"), listing.price());
        assertEquals(130, listing.size());
        assertEquals(4, listing.rooms());
        assertEquals("avenida del Puerto, Camins al Grau, Valencia", listing.address());
    }

    @Test
    void anEmptyTelLinkIsNoPhoneAndTheReducedPriceIsTheCurrentOne() {
        Listing listing = valenciaPage1().listings().get(3);

        assertEquals("104150006", listing.listingId());
        assertEquals(AdvertiserType.PROFESSIONAL, listing.advertiserType());
        assertEquals("Fincas Campanar", listing.advertiserName());
        assertNull(listing.phoneRaw());
        assertNull(listing.phone());
        assertEquals(new BigDecimal("520000"), listing.price());
        assertEquals(210, listing.size());
        assertEquals(5, listing.rooms());
    }

    @Test
    void agencyRefusalIsDetectableFromTheListingTexts() {
        List<Listing> page1 = valenciaPage1().listings();
        Listing refusing = page1.get(0);
        Listing agency = page1.get(1);
        Listing page2Duplex = adapter.parseSearchPage(Fixtures.html(200, "search-valencia-venta-page2.html",
                VALENCIA + "pagina-2.htm" + NEWEST)).listings().get(1);

        assertTrue(AgencyRefusal.refusesAgencies(refusing.title(), refusing.description()));
        assertFalse(AgencyRefusal.refusesAgencies(agency.title(), agency.description()));
        assertTrue(AgencyRefusal.refusesAgencies(page2Duplex.title(), page2Duplex.description()));
    }

    @Test
    void middlePageKnowsItsNumberAndThatMoreFollow() {
        SearchResultPage page = adapter.parseSearchPage(
                Fixtures.html(200, "search-valencia-venta-page2.html", VALENCIA + "pagina-2.htm" + NEWEST));

        assertEquals(2, page.page());
        assertFalse(page.lastPage());
        assertEquals(List.of("104120001", "104118340", "104112987"),
                page.listings().stream().map(Listing::listingId).toList());
        assertEquals(AdvertiserType.PROFESSIONAL, page.listings().get(0).advertiserType());
        assertEquals(1, page.listings().get(2).rooms());
        assertEquals(38, page.listings().get(2).size());
    }

    @Test
    void lastPageHasNoNextLink() {
        SearchResultPage page = adapter.parseSearchPage(
                Fixtures.html(200, "search-valencia-venta-page3-last.html", VALENCIA + "pagina-3.htm" + NEWEST));

        assertEquals(3, page.page());
        assertTrue(page.lastPage());
        assertEquals(List.of("104090555", "104088120"), page.listings().stream().map(Listing::listingId).toList());
    }

    @Test
    void askingPastTheLastPageGetsAnEarlierPageServedAndReportsAnEmptyLastPage() {
        SearchResultPage page = adapter.parseSearchPage(
                Fixtures.html(200, "search-valencia-venta-page3-last.html", VALENCIA + "pagina-4.htm" + NEWEST));

        assertEquals(4, page.page());
        assertTrue(page.lastPage());
        assertTrue(page.listings().isEmpty());
    }

    @Test
    void aSearchWithoutResultsIsAnEmptyLastPageNotAnError() {
        SearchResultPage page = adapter.parseSearchPage(Fixtures.html(200, "search-empty.html",
                "https://www.idealista.com/alquiler-viviendas/l-eliana-valencia/" + NEWEST));

        assertEquals(1, page.page());
        assertTrue(page.lastPage());
        assertTrue(page.listings().isEmpty());
        assertEquals(0, page.totalResults());
    }

    @Test
    void italianPageUsesTheItalianSiteForUrlsAndReadsLocali() {
        SearchResultPage page = adapter.parseSearchPage(Fixtures.html(200, "search-milano-vendita-page1.html",
                "https://www.idealista.it/vendita-case/milano-milano/?ordine=pubblicazione-desc"));

        assertFalse(page.lastPage());
        assertEquals(1482, page.totalResults());
        Listing privateSeller = page.listings().get(0);
        assertEquals("https://www.idealista.it/immobile/33012345/", privateSeller.url());
        assertEquals(new BigDecimal("320000"), privateSeller.price());
        assertEquals(3, privateSeller.rooms());
        assertEquals(85, privateSeller.size());
        assertEquals("via Padova, 112, Milano", privateSeller.address());
        assertEquals("Milano", privateSeller.city());
        assertEquals("sale", privateSeller.operation());
        assertTrue(AgencyRefusal.refusesAgencies(privateSeller.description()));
        Listing agency = page.listings().get(1);
        assertEquals(AdvertiserType.PROFESSIONAL, agency.advertiserType());
        assertEquals("Casa Navigli Immobiliare", agency.advertiserName());
    }

    @Test
    void operationTypeAndPageAreReadBackEvenBehindASandboxPrefixAndNarrowedToFlats() {
        SearchResultPage page = adapter.parseSearchPage(Fixtures.html(200, "search-valencia-venta-page2.html",
                "http://localhost:18089/idealista/alquiler-viviendas/valencia-valencia/con-precio-hasta_1200,pisos/"
                        + "pagina-2.htm" + NEWEST));

        assertEquals(2, page.page());
        assertEquals("rent", page.listings().get(0).operation());
        assertEquals("flats", page.listings().get(0).propertyType());
        // Listing URLs stay public even when the page came from a sandbox.
        assertEquals("https://www.idealista.com/inmueble/104120001/", page.listings().get(0).url());
    }

    @Test
    void dataDomeCaptchaIsABlockWhateverTheStatus() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                Fixtures.html(403, "blocked-datadome-captcha.html", VALENCIA + NEWEST)));
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                Fixtures.html(200, "blocked-datadome-captcha.html", VALENCIA + NEWEST)));
    }

    @Test
    void throttlingPageServedWith200IsABlock() {
        PortalBlockedException blocked = assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                Fixtures.html(200, "blocked-too-many-requests.html", VALENCIA + NEWEST)));
        assertTrue(blocked.getMessage().contains("muchas peticiones"), blocked.getMessage());
    }

    @Test
    void bare429Or403IsABlock() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                new PortalResponse(429, "text/html", "", VALENCIA)));
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                new PortalResponse(403, "text/html", "<html><body>Forbidden</body></html>", VALENCIA)));
    }

    @Test
    void aRedesignedPageFailsLoudlyNamingTheMissingList() {
        PortalLayoutChangedException changed = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseSearchPage(Fixtures.html(200, "search-changed-layout.html", VALENCIA + NEWEST)));
        assertTrue(changed.getMessage().contains("section.items-container"), changed.getMessage());
    }

    @Test
    void aCardWithoutItsLinkFailsLoudlyNamingTheLink() {
        String html = "<main id=\"main-content\"><section class=\"items-container items-list\">"
                + "<article class=\"item\" data-element-id=\"104000001\"><div class=\"item-info-container\">"
                + "<span class=\"item-price\">100.000€</span></div></article></section></main>";

        PortalLayoutChangedException changed = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseSearchPage(new PortalResponse(200, "text/html", html, VALENCIA)));
        assertTrue(changed.getMessage().contains("a.item-link"), changed.getMessage());
    }

    @Test
    void unknownSearchPathAndServerErrorsAreNotMistakenForEmptyPages() {
        assertThrows(PortalLayoutChangedException.class, () -> adapter.parseSearchPage(
                new PortalResponse(404, "text/html", "<html><body>Not found</body></html>",
                        "https://www.idealista.com/venta-viviendas/valencia-valencia/con-publicado_particular/")));
        assertThrows(IllegalStateException.class, () -> adapter.parseSearchPage(
                new PortalResponse(503, "text/html", "<html><body>Mantenimiento</body></html>", VALENCIA)));
        assertThrows(PortalLayoutChangedException.class, () -> adapter.parseSearchPage(
                Fixtures.html(200, "search-valencia-venta-page1.html", "https://www.idealista.com/")));
    }
}
