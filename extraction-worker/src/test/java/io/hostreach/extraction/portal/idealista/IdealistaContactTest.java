package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdealistaContactTest {

    private static final String CONTACT_URL =
            "https://www.idealista.com/es/ajax/listingController/adContactInfoForDetail.ajax?adId=";

    private final IdealistaAdapter adapter = new IdealistaAdapter();
    private final List<Listing> valencia = IdealistaSearchPageParserTest.valenciaPage1().listings();

    @Test
    void contactInfoIsAskedForWithTheAjaxHeadersOfTheListingPage() {
        Listing listing = valencia.get(0);

        PortalRequest request = adapter.contactRequest(listing).orElseThrow();

        assertEquals("GET", request.method());
        assertEquals("/es/ajax/listingController/adContactInfoForDetail.ajax", request.path());
        assertEquals(Map.of("adId", "104233871"), request.query());
        assertEquals("XMLHttpRequest", request.headers().get("X-Requested-With"));
        assertEquals("https://www.idealista.com/inmueble/104233871/", request.headers().get("Referer"));
        assertEquals(Optional.of(IdealistaSite.SPAIN), IdealistaSite.forRequestPath(request.path()));
    }

    @Test
    void noContactRequestWhenTheCardAlreadyShowedThePhone() {
        assertEquals(Optional.empty(), adapter.contactRequest(valencia.get(1)));
    }

    @Test
    void italianListingsAskTheItalianSite() {
        Listing milano = adapter.parseSearchPage(Fixtures.html(200, "search-milano-vendita-page1.html",
                "https://www.idealista.it/vendita-case/milano-milano/?ordine=pubblicazione-desc")).listings().get(0);

        PortalRequest request = adapter.contactRequest(milano).orElseThrow();

        assertEquals("/it/ajax/listingController/adContactInfoForDetail.ajax", request.path());
        assertEquals(Optional.of(IdealistaSite.ITALY), IdealistaSite.forRequestPath(request.path()));
    }

    @Test
    void aPrivateOwnerWithAVisiblePhoneBecomesPrivateWithAnE164Phone() {
        Listing card = valencia.get(0);

        Listing listing = adapter.parseContact(card, Fixtures.json(200, "contact-104233871-private.json",
                CONTACT_URL + "104233871"));

        assertEquals(AdvertiserType.PRIVATE, listing.advertiserType());
        assertEquals("Lucía", listing.advertiserName());
        assertEquals("+34 611 22 33 44", listing.phoneRaw());
        assertEquals("+34611223344", listing.phone());
        assertNull(listing.whatsapp());
        // Everything the card said is kept.
        assertEquals(card.title(), listing.title());
        assertEquals(new BigDecimal("245000"), listing.price());
        assertEquals(card.url(), listing.url());
    }

    @Test
    void aPrivateOwnerWhoHidTheirPhoneIsPrivateWithoutPhone() {
        Listing listing = adapter.parseContact(valencia.get(2), Fixtures.json(200,
                "contact-104187730-private-hidden-phone.json", CONTACT_URL + "104187730"));

        assertEquals(AdvertiserType.PRIVATE, listing.advertiserType());
        assertEquals("Javier", listing.advertiserName());
        assertNull(listing.phoneRaw());
        assertNull(listing.phone());
    }

    @Test
    void anOwnerWhoChoseNoPhoneContactIsNotPhonedEvenIfANumberComesAlong() {
        String body = "{\"result\":\"OK\",\"data\":{\"isAdProfessional\":false,\"showPhoneContactMethod\":false,"
                + "\"firstName\":\"Javier\",\"formattedContactPhone1\":\"622 98 76 54\"}}";

        Listing listing = adapter.parseContact(valencia.get(2),
                new PortalResponse(200, "application/json", body, CONTACT_URL + "104187730"));

        assertNull(listing.phoneRaw());
        assertNull(listing.phone());
    }

    @Test
    void aProfessionalIsNamedByItsCommercialNameAndItsFirstPhoneIsUsed() {
        Listing listing = adapter.parseContact(valencia.get(3), Fixtures.json(200,
                "contact-104150006-professional.json", CONTACT_URL + "104150006"));

        assertEquals(AdvertiserType.PROFESSIONAL, listing.advertiserType());
        assertEquals("Fincas Campanar", listing.advertiserName());
        assertEquals("+34963456789", listing.phone());
    }

    @Test
    void anItalianNationalNumberIsNormalisedWithTheItalianRegion() {
        Listing milano = adapter.parseSearchPage(Fixtures.html(200, "search-milano-vendita-page1.html",
                "https://www.idealista.it/vendita-case/milano-milano/?ordine=pubblicazione-desc")).listings().get(0);

        Listing listing = adapter.parseContact(milano, Fixtures.json(200, "contact-33012345-it-private.json",
                "https://www.idealista.it/it/ajax/listingController/adContactInfoForDetail.ajax?adId=33012345"));

        assertEquals(AdvertiserType.PRIVATE, listing.advertiserType());
        assertEquals("Marco", listing.advertiserName());
        assertEquals("347 123 4567", listing.phoneRaw());
        assertEquals("+393471234567", listing.phone());
    }

    @Test
    void aWithdrawnAdLeavesTheListingAsItWas() {
        Listing card = valencia.get(0);

        assertSame(card, adapter.parseContact(card, Fixtures.json(200, "contact-withdrawn-ad.json",
                CONTACT_URL + "104233871")));
    }

    @Test
    void dataDomeAnswerToTheAjaxCallIsABlock() {
        assertThrows(PortalBlockedException.class, () -> adapter.parseContact(valencia.get(0),
                Fixtures.json(403, "contact-blocked-datadome.json", CONTACT_URL + "104233871")));
    }

    @Test
    void aChangedContactPayloadFailsLoudlyNamingTheMissingField() {
        PortalLayoutChangedException changed = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseContact(valencia.get(0), Fixtures.json(200, "contact-changed-layout.json",
                        CONTACT_URL + "104233871")));
        assertTrue(changed.getMessage().contains("'data'"), changed.getMessage());

        PortalLayoutChangedException noFlag = assertThrows(PortalLayoutChangedException.class,
                () -> adapter.parseContact(valencia.get(0), new PortalResponse(200, "application/json",
                        "{\"result\":\"OK\",\"data\":{\"firstName\":\"Lucía\"}}", CONTACT_URL + "104233871")));
        assertTrue(noFlag.getMessage().contains("isAdProfessional"), noFlag.getMessage());

        assertThrows(PortalLayoutChangedException.class, () -> adapter.parseContact(valencia.get(0),
                Fixtures.html(200, "search-valencia-venta-page1.html", CONTACT_URL + "104233871")));
    }
}
