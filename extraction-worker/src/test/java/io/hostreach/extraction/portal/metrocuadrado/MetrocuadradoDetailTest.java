package io.hostreach.extraction.portal.metrocuadrado;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.AgencyRefusal;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetrocuadradoDetailTest {

    private static final String DETAIL_URL = "https://www.metrocuadrado.com/inmueble/";

    private final MetrocuadradoAdapter adapter = new MetrocuadradoAdapter(MetrocuadradoFixtures.API_KEY);

    private Listing fromSearch(String id) {
        return adapter.parseSearchPage(MetrocuadradoFixtures.searchPage("search-page-1.json", 0)).listings().stream()
                .filter(l -> l.listingId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theDetailPageRevealsAPrivateOwnersPhone() {
        Listing card = fromSearch("MC5090077");
        assertEquals(AdvertiserType.UNKNOWN, card.advertiserType());

        Listing complete = adapter.parseContact(card,
                MetrocuadradoFixtures.html(200, "detail-private.html", DETAIL_URL + "MC5090077"));

        assertEquals(AdvertiserType.PRIVATE, complete.advertiserType(), "companyType Propietario");
        assertEquals("+573205550164", complete.phoneRaw());
        assertEquals("+573205550164", complete.phone());
        assertEquals(Boolean.TRUE, complete.whatsapp());
        assertTrue(complete.description().startsWith("Vendo apartamento de 68 m² en Modelia"));
        // search facts are kept
        assertEquals("MC5090077", complete.listingId());
        assertEquals("Apartamento en Venta, Modelia", complete.title());
        assertEquals(new BigDecimal("352000000"), complete.price());
        assertEquals(68, complete.size());
        assertTrue(adapter.contactRequest(complete).isEmpty(), "phone known now");
    }

    @Test
    void theDetailPageNamesTheAgencyBehindAListingTheSearchCouldNotClassify() {
        Listing card = fromSearch("MC5102288");
        assertEquals(AdvertiserType.UNKNOWN, card.advertiserType());

        Listing complete = adapter.parseContact(card,
                MetrocuadradoFixtures.html(200, "detail-professional.html", DETAIL_URL + "MC5102288"));

        assertEquals(AdvertiserType.PROFESSIONAL, complete.advertiserType(), "companyType Inmobiliaria");
        assertEquals("Salitre Hogar Inmobiliaria S.A.S.", complete.advertiserName());
        assertEquals("+576017035566", complete.phone());
        assertEquals(Boolean.FALSE, complete.whatsapp());
        assertTrue(complete.description().contains("nuestros asesores"));
        assertTrue(adapter.contactRequest(complete).isEmpty(), "settled and with a phone");
    }

    @Test
    void theDetailPageProvesAnOwnerWhoseSearchItemHadAPhoneButNoPublisher() {
        Listing card = fromSearch("MC5071946");
        assertEquals(AdvertiserType.UNKNOWN, card.advertiserType());
        assertEquals("+573105550142", card.phone());

        Listing complete = adapter.parseContact(card,
                MetrocuadradoFixtures.html(200, "detail-private-with-phone.html", DETAIL_URL + "MC5071946"));

        assertEquals(AdvertiserType.PRIVATE, complete.advertiserType(), "companyType Persona Natural");
        assertEquals("+573105550142", complete.phone());
        assertEquals(Boolean.TRUE, complete.whatsapp());
        assertTrue(complete.description().startsWith("Vendo mi apartamento en Cedritos"));
        assertFalse(AgencyRefusal.refusesAgencies(complete.title(), complete.description()));
        assertTrue(adapter.contactRequest(complete).isEmpty(), "settled and with a phone");
    }

    @Test
    void aDetailPageWithoutAPublisherLeavesTheAdvertiserUnknown() {
        Listing card = fromSearch("MC5071946");
        String anonymous = MetrocuadradoFixtures.read("detail-private-with-phone.html")
                .replace(",\"contactInfo\":{\"companyType\":\"Persona Natural\",\"companyName\":null,\"contactName\":\"Andrés\"}", "");
        assertFalse(anonymous.contains("companyType"));

        Listing complete = adapter.parseContact(card, new PortalResponse(200, "text/html", anonymous, DETAIL_URL + "MC5071946"));

        assertEquals(AdvertiserType.UNKNOWN, complete.advertiserType(), "unknown stays unknown, i.e. not a lead");
    }

    @Test
    void noAgenciesTextInTheDetailIsDetectable() {
        Listing card = fromSearch("MC5090077");
        assertFalse(AgencyRefusal.refusesAgencies(card.title(), card.description()));

        Listing complete = adapter.parseContact(card,
                MetrocuadradoFixtures.html(200, "detail-private.html", DETAIL_URL + "MC5090077"));

        assertTrue(AgencyRefusal.refusesAgencies(complete.title(), complete.description()));
    }

    @Test
    void aPhoneHiddenOnTheDetailPageStaysNull() {
        Listing complete = adapter.parseContact(fromSearch("MC5083310"),
                MetrocuadradoFixtures.html(200, "detail-hidden-phone.html", DETAIL_URL + "MC5083310"));

        assertNull(complete.phone());
        assertNull(complete.phoneRaw());
        assertEquals(Boolean.FALSE, complete.whatsapp());
        assertEquals(AdvertiserType.PRIVATE, complete.advertiserType());
        assertTrue(complete.description().contains("Chapinero Alto"));
        assertFalse(AgencyRefusal.refusesAgencies(complete.title(), complete.description()));
    }

    @Test
    void anOwnerCompanyTypeDoesNotUndoAnAgencySignal() {
        assertEquals(AdvertiserType.PROFESSIONAL,
                MetrocuadradoAdvertiserClassifier.fromCompanyType("Propietario", AdvertiserType.PROFESSIONAL));
        assertEquals(AdvertiserType.PRIVATE,
                MetrocuadradoAdvertiserClassifier.fromCompanyType("Persona Natural", AdvertiserType.UNKNOWN));
        assertEquals(AdvertiserType.PROFESSIONAL,
                MetrocuadradoAdvertiserClassifier.fromCompanyType("Inmobiliaria", AdvertiserType.UNKNOWN));
        assertEquals(AdvertiserType.UNKNOWN,
                MetrocuadradoAdvertiserClassifier.fromCompanyType(null, AdvertiserType.UNKNOWN));
        assertEquals(AdvertiserType.UNKNOWN,
                MetrocuadradoAdvertiserClassifier.fromCompanyType("Otro", AdvertiserType.UNKNOWN));
    }

    @Test
    void aDetailPageAboutAnotherListingFailsLoudly() {
        PortalLayoutChangedException error = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseContact(fromSearch("MC5083310"),
                        MetrocuadradoFixtures.html(200, "detail-private.html", DETAIL_URL + "MC5083310")));

        assertTrue(error.getMessage().contains("MC5083310"), error.getMessage());
    }

    @Test
    void aDetailPageWithoutNextDataIsALayoutChange() {
        PortalLayoutChangedException error = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseContact(fromSearch("MC5090077"),
                        MetrocuadradoFixtures.html(200, "detail-layout-changed.html", DETAIL_URL + "MC5090077")));

        assertTrue(error.getMessage().contains("__NEXT_DATA__"), error.getMessage());
    }

    @Test
    void aWithdrawnListingIsReturnedUnchanged() {
        Listing card = fromSearch("MC5090077");

        Listing after = adapter.parseContact(card, new PortalResponse(404, "text/html", "<html>No encontrado</html>",
                DETAIL_URL + "MC5090077"));

        assertSame(card, after);
    }
}
