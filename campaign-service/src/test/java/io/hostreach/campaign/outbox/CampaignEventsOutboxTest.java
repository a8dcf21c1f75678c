package io.hostreach.campaign.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.TestDatabase;
import io.hostreach.platform.outbox.OutboxRelay;
import io.hostreach.testing.EventContract;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CampaignEventsOutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "hostreach.topics.campaign-events")
    String topic;

    @AfterEach
    void relayRuns() {
        relay.resume();
    }

    @Test
    void aStatusChangePublishesExactlyOneCloudEventKeyedByCampaign() throws Exception {
        String key = Api.testKey();
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topic);
        Api.setStatus(key, id, "running").statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> recordsFor(records, id).size() == 1);
        ConsumerRecord<String, String> record = recordsFor(records, id).get(0);
        assertEquals(id, record.key());
        assertEquals("io.hostreach.campaign.status-changed", header(record, "event-type"));
        assertEquals("application/cloudevents+json", header(record, "content-type"));
        JsonNode event = JSON.readTree(record.value());
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals("io.hostreach.campaign.status-changed", event.path("type").asText());
        assertEquals("/hostreach/campaign-service", event.path("source").asText());
        assertEquals(id, event.path("subject").asText());
        assertEquals(header(record, "event-id"), event.path("id").asText());
        JsonNode campaign = event.path("data").path("campaign");
        assertEquals("draft", event.path("data").path("previousStatus").asText());
        assertEquals("running", campaign.path("status").asText());
        assertEquals("idealista", campaign.path("platform").asText());
        assertEquals("rent", campaign.path("segmentation").path("filters").path("operation").asText());
        assertEquals("Europe/Madrid", campaign.path("timezone").asText());
        assertEquals("test", campaign.path("environment").asText());
        assertTrue(campaign.path("version").asLong() >= 1);
        // An unscheduled portal campaign extracts once when it first starts: that job travels in the event.
        String extractionId = event.path("data").path("extractionId").asText();
        Api.as(key).get(Api.PREFIX + "/extractions/" + extractionId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("QUEUED"))
                .body("campaignId", org.hamcrest.Matchers.equalTo(id));

        // A no-op and an illegal transition write nothing: no row, no record.
        Api.setStatus(key, id, "running").statusCode(200);
        Api.setStatus(key, UUID.randomUUID().toString(), "paused").statusCode(404);
        String draft = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, draft, "paused").statusCode(409);
        assertEquals(1, TestDatabase.count("select count(*) from outbox_event where message_key = ?", id));
        assertEquals(0, TestDatabase.count("select count(*) from outbox_event where message_key = ?", draft));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> recordsFor(records, id).size() == 1 && recordsFor(records, draft).isEmpty());
        records.close();
    }

    @Test
    void updatesAndExecuteRequestsAreAnnouncedToo() throws Exception {
        String key = Api.testKey();
        // A scheduled campaign queues no run when it starts: the execute request queues the first one.
        java.util.Map<String, Object> scheduled = new java.util.HashMap<>(Api.runnablePortalCampaign());
        scheduled.put("settings", Map.of("scheduledHours", "9", "scheduledDays", "1,2,3,4,5"));
        String id = Api.createCampaign(key, scheduled);
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topic);
        Api.as(key).body(Map.of("name", "Renamed")).patch(Api.PREFIX + "/campaigns/" + id).then().statusCode(200);
        Api.setStatus(key, id, "running").statusCode(200);
        String jobId = Api.as(key).post(Api.PREFIX + "/campaigns/" + id + "/execute").then().statusCode(202)
                .extract().path("id");

        await().atMost(Duration.ofSeconds(10)).until(() -> recordsFor(records, id).size() == 3);
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> r : recordsFor(records, id)) {
            events.add(JSON.readTree(r.value()));
        }
        assertEquals(List.of("io.hostreach.campaign.updated", "io.hostreach.campaign.status-changed",
                "io.hostreach.campaign.execution-requested"), events.stream().map(e -> e.path("type").asText()).toList());
        // What we publish is what docs/asyncapi.yaml promises.
        for (ConsumerRecord<String, String> r : recordsFor(records, id)) {
            assertEquals(List.of(), EventContract.load().violations(r.value()), r.value());
        }
        assertEquals("Renamed", events.get(0).path("data").path("campaign").path("name").asText());
        assertEquals(jobId, events.get(2).path("data").path("extractionId").asText());
        long v1 = events.get(0).path("data").path("campaign").path("version").asLong();
        long v2 = events.get(1).path("data").path("campaign").path("version").asLong();
        assertTrue(v2 > v1, "versions increase with each change");
        records.close();
    }

    @Test
    void eventsWrittenWhileTheRelayIsStoppedArePublishedOnceItResumesNothingLost() throws Exception {
        String key = Api.testKey();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Api.createCampaign(key, Api.runnablePortalCampaign()));
        }
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topic);
        relay.pause();
        for (String id : ids) {
            Api.setStatus(key, id, "running").statusCode(200);
            Api.setStatus(key, id, "paused").statusCode(200);
        }
        for (String id : ids) {
            assertEquals(2, TestDatabase.count(
                    "select count(*) from outbox_event where message_key = ? and published_at is null", id));
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> ids.stream().allMatch(id -> recordsFor(records, id).isEmpty()));

        relay.resume();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> ids.stream().allMatch(id -> recordsFor(records, id).size() == 2));
        for (String id : ids) {
            List<ConsumerRecord<String, String>> mine = recordsFor(records, id);
            assertEquals("running", JSON.readTree(mine.get(0).value()).path("data").path("campaign").path("status").asText());
            assertEquals("paused", JSON.readTree(mine.get(1).value()).path("data").path("campaign").path("status").asText());
            assertEquals(0, TestDatabase.count(
                    "select count(*) from outbox_event where message_key = ? and published_at is null", id));
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> ids.stream().allMatch(id -> recordsFor(records, id).size() == 2));
        records.close();
    }

    private static List<ConsumerRecord<String, String>> recordsFor(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
