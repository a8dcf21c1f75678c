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

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pause and resume, one run per campaign, completion: the run's life around its campaign's. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PortalServer.class, scope = TestResourceScope.GLOBAL)
class RunLifecycleTest extends ExtractionEventsTest {

    @InjectPortalServer
    WireMockServer portals;

    private PortalStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new PortalStubs(portals);
    }

    @Test
    void pausingStopsTheRunBetweenPagesAndResumingContinuesAtItsCursor() {
        String location = "724,19,46,0,0,46777,0,0,0";
        stubs.fotocasaValencia(location);
        // Page 2 is slow: the pause arrives while it is being read.
        stubs.fotocasaPage(location, 2, PortalStubs.json(Fixtures.read("fotocasa", "search-valencia-comprar-page2.json"))
                .withFixedDelay(3000));
        TestCampaign campaign = TestCampaign.portal("fotocasa", "sale", location, "Pausa");

        UUID run = extractions.start(campaign);
        await().atMost(Extractions.PATIENCE).until(() -> pages(run) == 1);
        extractions.status(campaign, "paused", "running");

        // Page 2, in flight at the pause, is committed; then the run waits, its cursor at page 3.
        await().atMost(Extractions.PATIENCE).until(() -> "QUEUED".equals(extractions.runStatus(run)));
        Map<String, Object> waiting = extractions.run(run);
        assertEquals(3, ((Number) waiting.get("next_page")).intValue());
        assertEquals(2, ((Number) waiting.get("pages")).intValue());
        portals.verify(0, page(location, 3));

        extractions.status(campaign, "running", "paused");
        JsonNode done = extractions.awaitFinished(campaign, run);

        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals(3, done.path("pages").asInt());
        assertEquals(9, done.path("found").asInt());
        assertEquals(1, done.path("created").asInt());
        for (int page = 1; page <= 3; page++) {
            portals.verify(1, page(location, page)); // nothing read twice
        }
        assertEquals(1, extractions.extractionEvents.of(campaign.id, Extractions.STARTED).size(), "one start");
    }

    @Test
    void aCampaignRunsOneExtractionAtATimeAndQueuesTheOthers() {
        String location = "724,19,46,0,0,46666,0,0,0";
        stubs.fotocasaValencia(location);
        stubs.fotocasaPage(location, 1, PortalStubs.json(Fixtures.read("fotocasa", "search-valencia-comprar-page1.json"))
                .withFixedDelay(1500));
        TestCampaign campaign = TestCampaign.portal("fotocasa", "sale", location, "Una a la vez");

        UUID first = extractions.execute(campaign);
        UUID second = extractions.execute(campaign);
        await().atMost(Extractions.PATIENCE).until(() -> "RUNNING".equals(extractions.runStatus(first))
                && extractions.runStatus(second) != null);
        assertEquals("QUEUED", extractions.runStatus(second));

        JsonNode firstDone = extractions.awaitFinished(campaign, first);
        JsonNode secondDone = extractions.awaitFinished(campaign, second);

        assertEquals("COMPLETED", firstDone.path("status").asText());
        assertEquals("COMPLETED", secondDone.path("status").asText());
        Instant firstFinished = instant(extractions.run(first).get("finished_at"));
        Instant secondStarted = instant(extractions.run(second).get("started_at"));
        assertFalse(secondStarted.isBefore(firstFinished), "the second run started after the first had finished");
        // The second run meets the first listing the first one read, and stops there.
        assertEquals(1, secondDone.path("duplicates").asInt());
        assertEquals(0, secondDone.path("created").asInt());
    }

    @Test
    void completingTheCampaignEndsItsQueuedRuns() {
        TestCampaign campaign = TestCampaign.portal("idealista", "sale", "0-EU-ES-46", "Valencia")
                .environment("test").schedule("9", "1", "Europe/Madrid");
        extractions.status(campaign, "running", "draft");
        extractions.status(campaign, "paused", "running");
        await().atMost(Extractions.PATIENCE).until(() -> extractions.rows.count(
                "select count(*) from campaign where id = ? and status = 'paused'", campaign.id) == 1);
        UUID waiting = UUID.randomUUID();
        extractions.rows.execute("""
                insert into extraction_run (extraction_id, campaign_id, status, requested_at, trigger)
                values (?, ?, 'QUEUED', ?, 'execute')""", waiting, campaign.id, Timestamp.from(Instant.now()));

        extractions.status(campaign, "completed", "paused");
        JsonNode done = extractions.awaitFinished(campaign, waiting);

        assertEquals("FAILED", done.path("status").asText());
        assertEquals("campaign completed", done.path("error").asText());
        assertEquals(50, done.path("expectedResults").asInt(), "the campaign's target, though the run never started");
        assertTrue(done.path("startedAt").isNull());
        assertEquals("FAILED", extractions.runStatus(waiting));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((Timestamp) value).toInstant();
    }

    private int pages(UUID run) {
        Object pages = extractions.run(run).get("pages");
        return pages == null ? 0 : ((Number) pages).intValue();
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder page(String location, int page) {
        return getRequestedFor(urlPathEqualTo("/v2/propertysearch/search"))
                .withQueryParam("combinedLocationIds", equalTo(location))
                .withQueryParam("pageNumber", equalTo(Integer.toString(page)));
    }
}
