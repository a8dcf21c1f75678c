package io.hostreach.extraction.portal.fotocasa;

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

class FotocasaSearchPageParserTest {

    static final String SEARCH = "https://web.gw.fotocasa.es/v2/propertysearch/search"
            + "?combinedLocationIds=724,19,46,219,531,46250,0,0,0&culture=es-ES&isMap=false";

    private final FotocasaAdapter adapter = new FotocasaAdapter();

    static String url(int page, int transactionTypeId) {
        return SEARCH + "&pageNumber=" + page + "&pageSize=30&platformId=1&propertyTypeId=2&sortOrderDesc=true"
                + "&sortType=publicationDate&transactionTypeId=" + transactionTypeId;
    }

    static SearchResultPage page1() {
        return new FotocasaAdapter().parseSearchPage(
                Fixtures.json(200, "search-valencia-comprar-page1.json", url(1, 1)));
    }

    @Test
    void firstPageYieldsEveryItemInOrderAndMorePagesFollow() {
        SearchResultPage page = page1();

        assertEquals(1, page.page());
        assertFalse(page.lastPage());
        assertEquals(65, page.totalResults());
        assertEquals(List.of("185234567", "185230011", "185229900", "185228000"),
                page.listings().stream().map(Listing::listingId).toList());
    }

    @Test
    void aPrivateOwnersItemIsMappedFieldByField() {
        Listing listing = page1().listings().get(0);

        assertEquals("fotocasa", listing.portal());
        assertEquals("185234567", listing.listingId());
        assertEquals("https://www.fotocasa.es/es/comprar/vivienda/valencia-capital/ascensor-calefaccion/185234567/d",
                listing.url());
        assertNull(listing.title());
        assertTrue(listing.description().startsWith("Vendo piso de 3 habitaciones en la calle Jesús"));
        assertEquals("sale", listing.operation());
        assertEquals("homes", listing.propertyType());
        assertEquals(new BigDecimal("198000"), listing.price());
        assertEquals("EUR", listing.currency());
        assertEquals(88, listing.size());
        assertEquals(3, listing.rooms());
        assertEquals(1, listing.bathrooms());
        assertEquals("Calle de Jesús, 42", listing.address());
        assertEquals("Valencia Capital", listing.city());
        assertEquals("Valencia", listing.province());
        assertEquals(39.4636, listing.latitude());
        assertEquals(-0.3817, listing.longitude());
        assertNull(listing.publishedAt());
        assertEquals(AdvertiserType.PRIVATE, listing.advertiserType());
        assertEquals("Carmen", listing.advertiserName());
        assertEquals("611556677", listing.phoneRaw());
        assertEquals("+34611556677", listing.phone());
        assertNull(listing.whatsapp());
    }

    @Test
    void anAgencyIsProfessionalWithItsNormalisedPhone() {
        Listing listing = page1().listings().get(1);

        assertEquals(AdvertiserType.PROFESSIONAL, listing.advertiserType());
        assertEquals("Grupo Inmobiliario Levante", listing.advertiserName());
        assertEquals("963 11 22 33", listing.phoneRaw());
        assertEquals("+34963112233", listing.phone());
        assertEquals(4, listing.rooms());
        assertEquals(2, listing.bathrooms());
    }

    @Test
    void aPrivateOwnerWhoHidTheirPhoneHasNoPhone() {
        Listing listing = page1().listings().get(2);

        assertEquals(AdvertiserType.PRIVATE, listing.advertiserType());
        assertNull(listing.phoneRaw());
        assertNull(listing.phone());
    }

    @Test
    void aNewBuildPromotionIsProfessional() {
        Listing listing = page1().listings().get(3);

        assertEquals("185228000", listing.listingId());
        assertEquals(AdvertiserType.PROFESSIONAL, listing.advertiserType());
        assertEquals("+34960001122", listing.phone());
    }

    @Test
    void anAdvertiserWithoutTypeIsUnknownAndInternationalPhonesAreKept() {
        SearchResultPage page = adapter.parseSearchPage(
                Fixtures.json(200, "search-valencia-comprar-page2.json", url(2, 1)));

        assertEquals(2, page.page());
        assertFalse(page.lastPage());
        assertEquals("+34622334455", page.listings().get(0).phone());
        assertEquals(AdvertiserType.PRIVATE, page.listings().get(0).advertiserType());
        assertEquals(AdvertiserType.UNKNOWN, page.listings().get(2).advertiserType());
        assertNull(page.listings().get(2).phone());
    }

    @Test
    void thePageThatReachesTheCountIsTheLast() {
        SearchResultPage page = adapter.parseSearchPage(
                Fixtures.json(200, "search-valencia-comprar-page3-last.json", url(3, 1)));

        assertEquals(3, page.page());
        assertTrue(page.lastPage());
        assertEquals(List.of("185200001", "185199002"), page.listings().stream().map(Listing::listingId).toList());
    }

    @Test
    void agencyRefusalIsDetectableFromTheListingTexts() {
        Listing refusing = page1().listings().get(0);
        Listing agency = page1().listings().get(1);
        Listing rent = adapter.parseSearchPage(
                Fixtures.json(200, "search-valencia-alquiler-single-page.json", url(1, 3))).listings().get(0);
        Listing noIntermediaries = adapter.parseSearchPage(
                Fixtures.json(200, "search-valencia-comprar-page3-last.json", url(3, 1))).listings().get(0);

        assertTrue(AgencyRefusal.refusesAgencies(refusing.title(), refusing.description()));
        assertFalse(AgencyRefusal.refusesAgencies(agency.title(), agency.description()));
        assertTrue(AgencyRefusal.refusesAgencies(rent.description()));
        assertTrue(AgencyRefusal.refusesAgencies(noIntermediaries.description()));
    }

    @Test
    void aRentalItemCarriesTheRentOperationAndMonthlyPrice() {
        SearchResultPage page = adapter.parseSearchPage(
                Fixtures.json(200, "search-valencia-alquiler-single-page.json", url(1, 3)));

        assertTrue(page.lastPage());
        assertEquals("rent", page.listings().get(0).operation());
        assertEquals(new BigDecimal("1150"), page.listings().get(0).price());
        assertEquals("+34644123456", page.listings().get(0).phone());
    }

    @Test
    void anEmptySearchIsAnEmptyLastPageNotAnError() {
        SearchResultPage page = adapter.parseSearchPage(Fixtures.json(200, "search-empty.json", url(1, 1)));

        assertTrue(page.lastPage());
        assertTrue(page.listings().isEmpty());
        assertEquals(0, page.totalResults());
    }

    @Test
    void aPageEndingExactlyAtTheCountIsTheLastButOneBeforeItIsNot() {
        String body = "{\"count\":60,\"realEstates\":[{\"id\":1,\"advertiser\":{\"typeId\":1}}]}";

        assertTrue(adapter.parseSearchPage(new PortalResponse(200, "application/json", body, url(2, 1))).lastPage());
        assertFalse(adapter.parseSearchPage(new PortalResponse(200, "application/json", body, url(1, 1))).lastPage());
    }

    @Test
    void withoutCountAShortPageIsTheLast() {
        String body = "{\"realEstates\":[{\"id\":1,\"advertiser\":{\"typeId\":1}}]}";

        SearchResultPage page = adapter.parseSearchPage(new PortalResponse(200, "application/json", body, url(4, 1)));

        assertTrue(page.lastPage());
        assertNull(page.totalResults());
        assertEquals(4, page.page());
    }

    @Test
    void impervaBlockPageIsABlockWhateverTheStatus() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                Fixtures.html(403, "blocked-imperva.html", url(1, 1))));
        PortalBlockedException blocked = assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                Fixtures.html(200, "blocked-imperva.html", url(1, 1))));
        assertTrue(blocked.getMessage().contains("incapsula"), blocked.getMessage());
        assertThrows(PortalBlockedException.class, () -> adapter.parseSearchPage(
                new PortalResponse(429, "text/plain", "", url(1, 1))));
    }

    @Test
    void aDescriptionQuotingWafWordsIsNotABlock() {
        String body = "{\"count\":1,\"realEstates\":[{\"id\":7,\"advertiser\":{\"typeId\":1},"
                + "\"description\":\"Request unsuccessful. Incapsula incident ID: tranquilo, es un piso\"}]}";

        SearchResultPage page = adapter.parseSearchPage(new PortalResponse(200, "application/json", body, url(1, 1)));

        assertEquals(1, page.listings().size());
    }

    @Test
    void aChangedJsonShapeFailsLoudlyNamingTheMissingArray() {
        PortalLayoutChangedException changed = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseSearchPage(Fixtures.json(200, "search-changed-layout.json", url(1, 1))));
        assertTrue(changed.getMessage().contains("realEstates"), changed.getMessage());
        assertTrue(changed.getMessage().contains("totalCount"), changed.getMessage());
    }

    @Test
    void anHtmlShellInsteadOfJsonFailsLoudly() {
        PortalLayoutChangedException changed = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseSearchPage(Fixtures.html(200, "empty-shell.html", url(1, 1))));
        assertTrue(changed.getMessage().contains("not JSON"), changed.getMessage());
    }

    @Test
    void anItemWithoutIdFailsLoudlyNamingIt() {
        String body = "{\"count\":2,\"realEstates\":[{\"id\":1},{\"advertiser\":{\"typeId\":1}}]}";

        PortalLayoutChangedException changed = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseSearchPage(new PortalResponse(200, "application/json", body, url(1, 1))));
        assertTrue(changed.getMessage().contains("realEstates[1]"), changed.getMessage());
    }

    @Test
    void serverErrorsAreNotMistakenForEmptyPages() {
        assertThrows(IllegalStateException.class, () -> adapter.parseSearchPage(
                new PortalResponse(502, "text/html", "<html>Bad gateway</html>", url(1, 1))));
    }
}
