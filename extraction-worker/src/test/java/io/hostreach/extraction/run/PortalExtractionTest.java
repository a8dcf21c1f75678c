package io.hostreach.extraction.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.hostreach.extraction.testing.ExtractionEventsTest;
import io.hostreach.extraction.testing.Extractions;
import io.hostreach.extraction.testing.Fixtures;
import io.hostreach.extraction.testing.InjectPortalServer;
import io.hostreach.extraction.testing.PortalServer;
import io.hostreach.extraction.testing.PortalStubs;
import io.hostreach.extraction.testing.TestCampaign;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end against the portals' fixtures on a local WireMock: a live campaign starts, the worker pages
 * through the portal, and what campaign-service would receive is checked on the topics.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PortalServer.class, scope = TestResourceScope.GLOBAL)
class PortalExtractionTest extends ExtractionEventsTest {

    @InjectPortalServer
    WireMockServer portals;

    private PortalStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new PortalStubs(portals);
    }

    @Test
    void idealistaKeepsThePrivateOwnersWithAPhoneAndCountsEverySkip() {
        stubs.idealistaValencia("valencia-valencia");
        TestCampaign campaign = TestCampaign.portal("idealista", "sale", "0-EU-ES-46-07-001-250", "Valencia, Valencia");

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        // 9 cards on 3 pages: 4 with an agency logo, 2 refusing agencies, 1 private owner hiding the phone.
        assertCounts(done, "COMPLETED", 9, 2, 0, 4, 2, 1, 3);
        assertEquals("start", done.path("trigger").asText());
        List<JsonNode> leads = extractions.awaitLeads(campaign.id, 2);
        assertLeads(campaign, run, leads, 2);
        assertEquals(Set.of("104112987", "104090555"), listingIds(leads));
        assertEquals(Set.of("+34611223345", "+34611223346"), leads.stream().map(l -> l.path("phone").asText()).collect(Collectors.toSet()));
        // The cheap checks come first: no contact request for a professional or a listing that refuses agencies.
        portals.verify(0, getRequestedFor(urlPathEqualTo("/es/ajax/listingController/adContactInfoForDetail.ajax"))
                .withQueryParam("adId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("104150006")));
        // tearDown checks every emitted event against docs/asyncapi.yaml: these types were among them
        await().atMost(Extractions.PATIENCE).until(() -> extractions.typesSeen().containsAll(
                Set.of(Extractions.STARTED, Extractions.COMPLETED, Extractions.LEAD_CAPTURED)));
    }

    @Test
    void fotocasaReadsAdvertiserAndPhoneFromTheSearchAnswer() {
        stubs.fotocasaValencia("724,19,46,0,0,46250,0,0,0");
        TestCampaign campaign = TestCampaign.portal("fotocasa", "sale", "724,19,46,0,0,46250,0,0,0", "Valencia capital");

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        // 9 listings: 4 agencies and 1 advertiser of unknown type, 2 refusing agencies, 1 private owner without phone.
        assertCounts(done, "COMPLETED", 9, 1, 0, 5, 2, 1, 3);
        List<JsonNode> leads = extractions.awaitLeads(campaign.id, 1);
        assertLeads(campaign, run, leads, 1);
        assertEquals("185220123", leads.get(0).path("listing").path("listingId").asText());
        assertEquals("+34622334455", leads.get(0).path("phone").asText());
    }

    @Test
    void metrocuadradoCrawlsEveryPageAndAsksTheDetailWhenThePublisherOrPhoneIsMissing() {
        stubs.metrocuadradoBogota("bogota");
        TestCampaign campaign = TestCampaign.portal("metrocuadrado", "sale", "bogota", "Bogotá");
        int detailsBefore = detailRequests();

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        // 104 listings; 100 are proved agencies or builders by the search JSON itself. metrocuadrado can only
        // prove an owner on the detail page, asked for the four the search left unknown: MC5090077's owner
        // refuses agencies, MC5102288 is an agency, MC5083310 (phone only on the detail) and MC5071946 are leads.
        assertCounts(done, "COMPLETED", 104, 2, 0, 101, 1, 0, 3);
        List<JsonNode> leads = extractions.awaitLeads(campaign.id, 2);
        assertLeads(campaign, run, leads, 2);
        assertEquals(Set.of("MC5083310", "MC5071946"), listingIds(leads));
        assertEquals(Set.of("+573205550164", "+573105550142"),
                leads.stream().map(l -> l.path("phone").asText()).collect(Collectors.toSet()));
        assertEquals(4, detailRequests() - detailsBefore);
        portals.verify(0, getRequestedFor(urlPathMatching("/inmueble/.*/4405-M2856916")));
    }

    @Test
    void withoutPrivateOnlyProfessionalsWithAPhoneAreLeadsAndTheRunStopsAtItsTarget() {
        stubs.metrocuadradoBogota("bogota-todos");
        TestCampaign campaign = TestCampaign.portal("metrocuadrado", "sale", "bogota-todos", "Bogotá")
                .filter("privateOnly", false).expectedResults(60);

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        // Page 1 gives 49 leads (one owner refuses agencies); page 2 the 11 more, and the run stops there.
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals(60, done.path("created").asInt(), done.toString());
        assertEquals(61, done.path("found").asInt(), done.toString());
        assertEquals(1, done.path("skippedAgencyRefusal").asInt(), done.toString());
        assertEquals(2, done.path("pages").asInt(), done.toString());
        assertEquals(60, extractions.leadsInOutbox(campaign.id));
    }

    @Test
    void inmuebles24ReadsEachListingsDetailForItsWhatsAppAndPublisher() {
        stubs.inmuebles24("benito-juarez");
        TestCampaign campaign = TestCampaign.portal("inmuebles24", "rent", "benito-juarez", "Benito Juárez")
                .filter("propertyType", "flats");

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        // 45 listings; details rotate: professional, hidden phone, refuses agencies, private, private.
        assertCounts(done, "COMPLETED", 45, 18, 0, 9, 9, 9, 3);
        List<JsonNode> leads = extractions.awaitLeads(campaign.id, 18);
        assertLeads(campaign, run, leads, 18);
        assertTrue(leads.stream().allMatch(l -> l.path("phone").asText().startsWith("+52")), leads.toString());
    }

    @Test
    void zonapropSearchesOwnerDirectAndStillChecksEveryPublisher() {
        stubs.zonaprop("palermo");
        TestCampaign campaign = TestCampaign.portal("zonaprop", "sale", "palermo", "Palermo")
                .filter("propertyType", "flats");

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        assertCounts(done, "COMPLETED", 46, 18, 0, 10, 9, 9, 3);
        List<JsonNode> leads = extractions.awaitLeads(campaign.id, 18);
        assertLeads(campaign, run, leads, 18);
        assertTrue(leads.stream().allMatch(l -> l.path("phone").asText().startsWith("+54")), leads.toString());
    }

    @Test
    void aBlockPageFailsTheRunLoudlyInsteadOfSavingNothing() {
        stubs.idealistaPage("bloqueo-valencia", 1,
                PortalStubs.html(403, Fixtures.read("idealista", "blocked-datadome-captcha.html")));
        TestCampaign campaign = TestCampaign.portal("idealista", "sale", "0-EU-ES-46", "Bloqueo, Valencia");

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        assertEquals("FAILED", done.path("status").asText());
        assertThat(done.path("error").asText(), containsString("idealista blocked the extraction"));
        assertThat(done.path("error").asText(), containsString("captcha-delivery.com"));
        assertNotNull(done.path("finishedAt").textValue());
        assertEquals("FAILED", extractions.runStatus(run));
        assertEquals(0, extractions.leadsInOutbox(campaign.id));
        assertTrue(extractions.typesSeen().contains(Extractions.FAILED), "checked against the contract in tearDown");
    }

    @Test
    void aChangedLayoutFailsTheRunNamingWhatChanged() {
        stubs.fotocasaPage("724,19,46,0,0,46999,0,0,0", 1,
                PortalStubs.json(Fixtures.read("fotocasa", "search-changed-layout.json")));
        TestCampaign campaign = TestCampaign.portal("fotocasa", "sale", "724,19,46,0,0,46999,0,0,0", "Cambiada");

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        assertEquals("FAILED", done.path("status").asText());
        assertThat(done.path("error").asText(), containsString("fotocasa changed its page layout"));
        assertThat(done.path("error").asText(), containsString("realEstates"));
    }

    @Test
    void aThrottledAnswerIsRetriedAndTheRunCompletes() {
        stubs.fotocasaThrottledOnce("724,19,46,0,0,46888,0,0,0");
        TestCampaign campaign = TestCampaign.portal("fotocasa", "rent", "724,19,46,0,0,46888,0,0,0", "Reintento");

        UUID run = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, run);

        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals(1, done.path("pages").asInt());
        assertTrue(done.path("found").asInt() > 0);
        portals.verify(2, getRequestedFor(urlPathEqualTo("/v2/propertysearch/search"))
                .withQueryParam("combinedLocationIds", com.github.tomakehurst.wiremock.client.WireMock.equalTo("724,19,46,0,0,46888,0,0,0")));
    }

    private static void assertCounts(JsonNode done, String status, int found, int created, int duplicates,
                                     int professional, int agencyRefusal, int noPhone, int pages) {
        String all = done.toString();
        assertEquals(status, done.path("status").asText(), all);
        assertEquals(found, done.path("found").asInt(), "found " + all);
        assertEquals(created, done.path("created").asInt(), "created " + all);
        assertEquals(duplicates, done.path("duplicates").asInt(), "duplicates " + all);
        assertEquals(professional, done.path("skippedProfessional").asInt(), "skippedProfessional " + all);
        assertEquals(agencyRefusal, done.path("skippedAgencyRefusal").asInt(), "skippedAgencyRefusal " + all);
        assertEquals(noPhone, done.path("skippedNoPhone").asInt(), "skippedNoPhone " + all);
        assertEquals(pages, done.path("pages").asInt(), "pages " + all);
        assertTrue(done.path("error").isNull(), all);
        assertNotNull(done.path("startedAt").textValue(), all);
        assertNotNull(done.path("finishedAt").textValue(), all);
    }

    /** Every lead as campaign-service expects it: ids, private owner, E.164 phone, listing, no agency refusal. */
    private void assertLeads(TestCampaign campaign, UUID run, List<JsonNode> leads, int expected) {
        assertEquals(expected, listingIds(leads).size(), leads.toString());
        assertEquals(expected, extractions.leadsInOutbox(campaign.id));
        for (JsonNode lead : leads) {
            JsonNode listing = lead.path("listing");
            String listingId = listing.path("listingId").asText();
            UUID expectedId = UUID.nameUUIDFromBytes((campaign.workspaceId + "|live|" + campaign.platform() + "|" + listingId)
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(expectedId.toString(), lead.path("leadId").asText());
            assertEquals(campaign.id.toString(), lead.path("campaignId").asText());
            assertEquals(campaign.workspaceId.toString(), lead.path("workspaceId").asText());
            assertEquals("live", lead.path("environment").asText());
            assertEquals(run.toString(), lead.path("extractionId").asText());
            assertEquals("portal", lead.path("source").asText());
            assertEquals("private", lead.path("advertiserType").asText());
            assertTrue(lead.path("phone").asText().matches("\\+\\d{8,15}"), lead.toString());
            assertTrue(lead.has("email") && lead.path("email").isNull(), lead.toString());
            assertNotNull(lead.path("capturedAt").textValue());
            assertEquals(campaign.platform(), listing.path("portal").asText());
            assertFalse(listing.path("url").asText().isBlank());
            assertFalse(io.hostreach.extraction.portal.AgencyRefusal.refusesAgencies(
                    listing.path("title").asText(null), listing.path("description").asText(null)), lead.toString());
        }
    }

    private int detailRequests() {
        return portals.countRequestsMatching(getRequestedFor(urlPathMatching("/inmueble/.*")).build()).getCount();
    }

    private static Set<String> listingIds(List<JsonNode> leads) {
        return leads.stream().map(l -> l.path("listing").path("listingId").asText()).collect(Collectors.toSet());
    }
}
