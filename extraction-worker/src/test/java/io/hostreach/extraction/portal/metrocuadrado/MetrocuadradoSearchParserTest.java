package io.hostreach.extraction.portal.metrocuadrado;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchResultPage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetrocuadradoSearchParserTest {

    private final MetrocuadradoAdapter adapter = new MetrocuadradoAdapter(MetrocuadradoFixtures.API_KEY);

    private SearchResultPage page(String fixture, int from) {
        return adapter.parseSearchPage(MetrocuadradoFixtures.searchPage(fixture, from));
    }

    private Listing listing(String id) {
        return page("search-page-1.json", 0).listings().stream()
                .filter(l -> l.listingId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void firstPageHasFiftyListingsAndMoreToCome() {
        SearchResultPage page = page("search-page-1.json", 0);

        assertEquals(1, page.page());
        assertEquals(50, page.listings().size());
        assertEquals(104, page.totalResults());
        assertFalse(page.lastPage());
    }

    @Test
    void mapsEveryFieldOfAnAgencyListing() {
        Listing first = page("search-page-1.json", 0).listings().get(0);

        assertEquals("metrocuadrado", first.portal());
        assertEquals("4405-M2856916", first.listingId());
        assertEquals("https://www.metrocuadrado.com/inmueble/venta-apartamento-bogota-chico-norte-ii-2-habitaciones"
                + "-2-banos-1-garajes/4405-M2856916", first.url());
        assertEquals("Apartamento en Venta, Chicó Norte II", first.title());
        assertNull(first.description(), "search items carry no description");
        assertEquals("sale", first.operation());
        assertEquals("flats", first.propertyType());
        assertEquals(new BigDecimal("690000000"), first.price());
        assertEquals("COP", first.currency());
        assertEquals(84, first.size());
        assertEquals(2, first.rooms());
        assertEquals(2, first.bathrooms());
        assertEquals("Chicó Norte II", first.address());
        assertEquals("Bogotá D.C.", first.city());
        assertNull(first.province());
        assertEquals(4.671309, first.latitude());
        assertEquals(-74.045219, first.longitude());
        assertNull(first.publishedAt());
        assertEquals(AdvertiserType.PROFESSIONAL, first.advertiserType(), "agency office and branch contacts");
        assertNull(first.advertiserName());
        assertEquals("+573115550187", first.phoneRaw(), "the WhatsApp number is preferred to the landline");
        assertEquals("+573115550187", first.phone());
        assertEquals(Boolean.TRUE, first.whatsapp());
    }

    @Test
    void aListingWithoutAgencySignalsStaysUnknownNeverPrivate() {
        Listing owner = listing("MC5071946");

        assertEquals(AdvertiserType.UNKNOWN, owner.advertiserType());
        assertEquals("+573105550142", owner.phone());
        assertEquals(Boolean.TRUE, owner.whatsapp());
        assertEquals(3, owner.rooms());
        assertEquals(new BigDecimal("415000000"), owner.price());
    }

    @Test
    void aNewBuildFromABuilderIsProfessionalAndNamed() {
        Listing project = listing("12170-M3101455");

        assertEquals(AdvertiserType.PROFESSIONAL, project.advertiserType());
        assertEquals("Constructora Altos del Norte S.A.S.", project.advertiserName());
        assertEquals(new BigDecimal("890000000"), project.price());
        assertEquals(96, project.size());
    }

    @Test
    void aLandlineWithoutWhatsappIsStillAPhone() {
        Listing studio = listing("MC5102288");

        assertEquals("6017035566", studio.phoneRaw());
        assertEquals("+576017035566", studio.phone());
        assertEquals(Boolean.FALSE, studio.whatsapp());
        assertEquals("studios", studio.propertyType());
        assertEquals(1, studio.rooms());
    }

    @Test
    void hiddenPhonesAreNullAndAskForTheDetailPage() {
        for (String id : new String[] {"MC5083310", "MC5090077"}) {
            Listing hidden = listing(id);
            assertNull(hidden.phone(), id);
            assertNull(hidden.phoneRaw(), id);
            assertEquals(Boolean.FALSE, hidden.whatsapp(), id);
        }
        Optional<PortalRequest> detail = adapter.contactRequest(listing("MC5090077"));

        assertTrue(detail.isPresent());
        assertEquals("GET", detail.get().method());
        assertEquals("/inmueble/venta-apartamento-bogota-modelia-3-habitaciones-2-banos-1-garajes/MC5090077",
                detail.get().path());
        assertEquals(Map.of(), detail.get().query());
        assertTrue(detail.get().headers().get("Accept").startsWith("text/html"));
    }

    @Test
    void noContactRequestWhenTheSearchProvedAnAgencyAndGaveThePhone() {
        assertTrue(adapter.contactRequest(listing("4405-M2856916")).isEmpty(), "agency office fields");
        assertTrue(adapter.contactRequest(listing("12170-M3101455")).isEmpty(), "builder, new build");
    }

    @Test
    void anUnknownAdvertiserWithAPhoneStillAsksTheDetailPageWhoPublishedIt() {
        for (String id : new String[] {"MC5102288", "MC5071946"}) {
            Listing unknown = listing(id);
            assertEquals(AdvertiserType.UNKNOWN, unknown.advertiserType(), id);
            assertNotNull(unknown.phone(), id);

            Optional<PortalRequest> detail = adapter.contactRequest(unknown);

            assertTrue(detail.isPresent(), id);
            assertTrue(detail.get().path().startsWith("/inmueble/") && detail.get().path().endsWith("/" + id), id);
        }
    }

    @Test
    void secondPageIsNumberedFromItsOffset() {
        SearchResultPage page = page("search-page-2.json", 50);

        assertEquals(2, page.page());
        assertEquals(50, page.listings().size());
        assertEquals("10385-M2900117", page.listings().get(0).listingId());
        assertFalse(page.lastPage());
    }

    @Test
    void thirdPageReachesTotalHitsAndIsTheLast() {
        SearchResultPage page = page("search-page-3-last.json", 100);

        assertEquals(3, page.page());
        assertEquals(4, page.listings().size());
        assertEquals("4405-M2950432", page.listings().get(3).listingId());
        assertTrue(page.lastPage());
    }

    @Test
    void anEmptySearchIsALastPageNotAnError() {
        SearchResultPage page = page("search-empty.json", 0);

        assertTrue(page.listings().isEmpty());
        assertTrue(page.lastPage());
        assertEquals(0, page.totalResults());
    }

    @Test
    void withoutTheRequestUrlTheOperationComesFromTheItem() {
        PortalResponse response = new PortalResponse(200, "application/json",
                MetrocuadradoFixtures.read("search-page-1.json"), null);

        SearchResultPage page = adapter.parseSearchPage(response);

        assertEquals(1, page.page());
        assertEquals("sale", page.listings().get(0).operation());
        assertEquals(new BigDecimal("690000000"), page.listings().get(0).price());
    }

    @Test
    void aShortPageBeforeTotalHitsIsNotTheLast() {
        String body = "{\"totalHits\": 120, \"totalEntries\": 120, \"results\": [{\"midinmueble\": \"MC1\","
                + " \"mvalorventa\": \"300000000\"}, {\"midinmueble\": \"MC2\", \"mvalorventa\": 310000000}]}";

        SearchResultPage page = adapter.parseSearchPage(new PortalResponse(200, "application/json", body,
                MetrocuadradoFixtures.SEARCH_URL + "&from=50&size=50"));

        assertEquals(2, page.page());
        assertEquals(2, page.listings().size());
        assertEquals(new BigDecimal("310000000"), page.listings().get(1).price(), "numbers or strings alike");
        assertFalse(page.lastPage(), "50 + 2 of 120: the API may return short pages, only the total decides");
    }

    @Test
    void theTenThousandEntryCapEndsTheSearchWhateverTotalHitsSays() {
        StringBuilder results = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            results.append(i == 0 ? "" : ",").append("{\"midinmueble\": \"MC").append(i).append("\"}");
        }
        String body = "{\"totalHits\": 25000, \"totalEntries\": 10000, \"results\": [" + results + "]}";

        SearchResultPage page = adapter.parseSearchPage(new PortalResponse(200, "application/json", body,
                MetrocuadradoFixtures.SEARCH_URL + "&from=9950&size=50"));

        assertEquals(200, page.page());
        assertEquals(25000, page.totalResults());
        assertTrue(page.lastPage());
    }
}
