package io.hostreach.extraction.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.testing.ExtractionEventsTest;
import io.hostreach.extraction.testing.Extractions;
import io.hostreach.extraction.testing.OnVertx;
import io.hostreach.extraction.testing.PortalServer;
import io.hostreach.extraction.testing.TestCampaign;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A schedule slot becomes one run, however many replicas claim it and whenever they do. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PortalServer.class, scope = TestResourceScope.GLOBAL)
class ScheduleSlotsTest extends ExtractionEventsTest {

    @Inject
    Vertx vertx;

    @Inject
    ScheduleSlots slots;

    @Inject
    ScheduleTicker ticker;


    @Test
    void twoReplicasClaimingTheSameSlotAtOnceQueueOneRun() throws Exception {
        TestCampaign campaign = TestCampaign.portal("idealista", "sale", "0-EU-ES-46", "Valencia")
                .environment("test").schedule("9", "1,2,3,4,5", "Europe/Madrid");
        // Paused, so the claimed run stays queued for the assertion.
        extractions.status(campaign, "paused", "draft");
        awaitStatus(campaign, "paused");
        Instant slot = Instant.parse("2026-11-25T08:00:00Z");

        List<CompletableFuture<Boolean>> claims = List.of(
                OnVertx.start(vertx, () -> slots.claim(campaign.id, slot)),
                OnVertx.start(vertx, () -> slots.claim(campaign.id, slot)));
        List<Boolean> won = List.of(claims.get(0).get(30, TimeUnit.SECONDS), claims.get(1).get(30, TimeUnit.SECONDS));

        assertEquals(1, won.stream().filter(Boolean::booleanValue).count(), "exactly one claim wins: " + won);
        assertEquals(1, extractions.rows.count("select count(*) from extraction_run where campaign_id = ?", campaign.id));
        assertEquals(1, extractions.rows.count(
                "select count(*) from extraction_run where extraction_id = ? and trigger = 'schedule' and slot_at = ?",
                ScheduleSlots.runId(campaign.id, slot), java.sql.Timestamp.from(slot)));
        // Later (a tick on another replica, a restart): still one.
        assertEquals(false, OnVertx.start(vertx, () -> slots.claim(campaign.id, slot)).get(30, TimeUnit.SECONDS));
    }

    @Test
    void theTickerQueuesTheDueSlotOnceAndTheRunExecutes() throws Exception {
        // Running since Monday 23 November 2026, 8:00 in Madrid; a slot at 9:00 every day.
        TestCampaign campaign = TestCampaign.portal("zonaprop", "rent", "recoleta", "Recoleta")
                .environment("test").expectedResults(5).schedule("9", "1,2,3,4,5,6,7", "Europe/Madrid")
                .updatedAt(Instant.parse("2026-11-23T07:00:00Z"));
        extractions.status(campaign, "running", "draft");
        awaitStatus(campaign, "running");
        Instant nineThirty = Instant.parse("2026-11-23T08:30:00Z");

        int queued = OnVertx.start(vertx, () -> ticker.tickAt(nineThirty)).get(30, TimeUnit.SECONDS);
        int again = OnVertx.start(vertx, () -> ticker.tickAt(nineThirty.plusSeconds(30))).get(30, TimeUnit.SECONDS);

        assertEquals(1, queued);
        assertEquals(0, again);
        UUID run = ScheduleSlots.runId(campaign.id, Instant.parse("2026-11-23T08:00:00Z"));
        JsonNode done = extractions.awaitFinished(campaign, run);
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals("schedule", done.path("trigger").asText());
        assertEquals(5, done.path("created").asInt());
        assertEquals(1, extractions.rows.count("select count(*) from extraction_run where campaign_id = ?", campaign.id));
    }

    private void awaitStatus(TestCampaign campaign, String status) {
        await().atMost(Extractions.PATIENCE).until(() -> extractions.rows.count(
                "select count(*) from campaign where id = ? and status = ?", campaign.id, status) == 1);
    }
}
