package io.hostreach.extraction.lead;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.Listing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListingScreenTest {

    private static Listing listing(AdvertiserType type, String description, String phone) {
        return new Listing("idealista", "1", "https://x/1", "Piso", description, "sale", "homes", null, "EUR", null,
                null, null, null, null, null, null, null, null, type, null, phone, phone, null);
    }

    @Test
    void privateOnlyRulesOutProfessionalsBeforeAnyContactAndUnknownsAfterIt() {
        ListingScreen screen = new ListingScreen(true);
        assertEquals(ScreenVerdict.PROFESSIONAL, screen.beforeContact(listing(AdvertiserType.PROFESSIONAL, "", "+34612345678")));
        assertEquals(ScreenVerdict.KEEP, screen.beforeContact(listing(AdvertiserType.UNKNOWN, "", null)));
        assertEquals(ScreenVerdict.PROFESSIONAL, screen.afterContact(listing(AdvertiserType.UNKNOWN, "", "+34612345678")));
        assertEquals(ScreenVerdict.KEEP, screen.afterContact(listing(AdvertiserType.PRIVATE, "", "+34612345678")));
    }

    @Test
    void withoutPrivateOnlyProfessionalsAndUnknownsAreLeads() {
        ListingScreen screen = new ListingScreen(false);
        assertEquals(ScreenVerdict.KEEP, screen.beforeContact(listing(AdvertiserType.PROFESSIONAL, "", "+34612345678")));
        assertEquals(ScreenVerdict.KEEP, screen.afterContact(listing(AdvertiserType.UNKNOWN, "", "+34612345678")));
    }

    @Test
    void agencyRefusalsAndMissingPhonesAreSkipped() {
        ListingScreen screen = new ListingScreen(true);
        assertEquals(ScreenVerdict.AGENCY_REFUSAL, screen.beforeContact(listing(AdvertiserType.PRIVATE, "Abstenerse agencias.", null)));
        assertEquals(ScreenVerdict.AGENCY_REFUSAL, screen.afterContact(listing(AdvertiserType.PRIVATE, "No inmobiliarias", "+34612345678")));
        assertEquals(ScreenVerdict.NO_PHONE, screen.afterContact(listing(AdvertiserType.PRIVATE, "", null)));
    }

    @Test
    void leadIdsAreNameBasedOnWorkspaceEnvironmentPortalAndListing() {
        UUID workspace = UUID.fromString("6f1c9a52-3e61-4d0e-9a55-0d4c6a1f2b10");
        UUID id = LeadIds.of(workspace, "live", "idealista", "104233871");
        assertEquals(3, id.version());
        assertEquals(id, LeadIds.of(workspace, "live", "idealista", "104233871"));
        assertEquals(UUID.nameUUIDFromBytes((workspace + "|live|idealista|104233871").getBytes(StandardCharsets.UTF_8)), id);
        assertEquals(false, id.equals(LeadIds.of(workspace, "test", "idealista", "104233871")));
    }
}
