package io.hostreach.campaign.lead;

import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.WorkerEvents;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.hostreach.campaign.support.Api.PREFIX;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class WorkerEventsIntakeTest {

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.lead-events")
    String leadTopic;

    @ConfigProperty(name = "hostreach.topics.extraction-events")
    String extractionTopic;

    private String workspaceOf(String key) {
        return Api.as(key).get(PREFIX + "/me").then().extract().path("workspaceId");
    }

    private void send(String topic, String campaignId, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, campaignId, value)).awaitCompletion();
    }

    @Test
    void extractionProgressAndCapturedLeadsBecomeVisibleOnce() {
        String key = Api.testKey();
        String workspace = workspaceOf(key);
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        String extraction = UUID.randomUUID().toString();

        send(extractionTopic, campaign, WorkerEvents.extraction("started", extraction, campaign, workspace, "RUNNING", 0, 0));
        String lead = UUID.randomUUID().toString();
        String captured = WorkerEvents.leadCaptured(UUID.randomUUID().toString(), lead, campaign, workspace, extraction,
                "108765432", "+34612345678", "Carmen");
        send(leadTopic, campaign, captured);
        send(leadTopic, campaign, captured); // redelivered: no second effect
        send(extractionTopic, campaign, WorkerEvents.extraction("completed", extraction, campaign, workspace, "COMPLETED", 5, 1));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/extractions/" + extraction)
                .then().statusCode(200).body("status", equalTo("COMPLETED")));
        Api.as(key).get(PREFIX + "/extractions/" + extraction).then()
                .body("campaignId", equalTo(campaign)).body("found", equalTo(5)).body("created", equalTo(1))
                .body("skippedProfessional", equalTo(3)).body("pages", equalTo(2));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/extractions/" + extraction + "/leads")
                .then().statusCode(200).body("total", equalTo(1)));
        Api.as(key).get(PREFIX + "/leads/" + lead).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("phone", equalTo("+34612345678"))
                .body("advertiserType", equalTo("private")).body("listing.listingId", equalTo("108765432"))
                .body("listing.city", equalTo("València")).body("source", equalTo("portal"));
        Api.as(key).get(PREFIX + "/campaigns/" + campaign).then().body("stats.leads", equalTo(1));
    }

    @Test
    void aSecondCaptureOfTheSameListingOrPhoneUpdatesTheFirstLead() {
        String key = Api.testKey();
        String workspace = workspaceOf(key);
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        String first = UUID.randomUUID().toString();
        send(leadTopic, campaign, WorkerEvents.leadCaptured(UUID.randomUUID().toString(), first, campaign, workspace,
                null, "200000001", "+34622222222", "Luis"));
        // Same phone, another listing (and lead id): the same person, so the same lead.
        send(leadTopic, campaign, WorkerEvents.leadCaptured(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                campaign, workspace, null, "200000002", "+34622222222", "Luis Pérez"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/leads/" + first)
                .then().statusCode(200).body("name", equalTo("Luis Pérez")));
        Api.as(key).queryParam("campaignId", campaign).get(PREFIX + "/leads").then().body("total", equalTo(1));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String key = Api.testKey();
        String workspace = workspaceOf(key);
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        send(leadTopic, campaign, "this is not json");
        send(leadTopic, campaign, "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/x\",\"type\":\"io.hostreach.lead.captured\",\"data\":{\"leadId\":\"nope\"}}");
        String lead = UUID.randomUUID().toString();
        send(leadTopic, campaign, WorkerEvents.leadCaptured(UUID.randomUUID().toString(), lead, campaign, workspace,
                null, "300000001", "+34633333333", "Ana"));

        var dlq = kafka.consumeStrings().fromTopics(leadTopic + ".campaign-service.dlq", 2, Duration.ofSeconds(30));
        dlq.awaitCompletion(Duration.ofSeconds(30));
        assertEquals(2, dlq.getRecords().size());
        assertEquals("this is not json", dlq.getRecords().get(0).value());
        var reason = dlq.getRecords().get(1).headers().lastHeader("dead-letter-reason");
        org.junit.jupiter.api.Assertions.assertNotNull(reason);
        org.junit.jupiter.api.Assertions.assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("lead.captured"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/leads/" + lead)
                .then().statusCode(200));
    }

    @Test
    void leadsMoveThroughThePipelineGetNotesAndAreErased() {
        String key = Api.testKey();
        String workspace = workspaceOf(key);
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        String lead = UUID.randomUUID().toString();
        send(leadTopic, campaign, WorkerEvents.leadCaptured(UUID.randomUUID().toString(), lead, campaign, workspace,
                null, "400000001", "+34644444444", "Marta"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/leads/" + lead).then().statusCode(200));

        Api.as(key).body(Map.of("status", "PENDING")).patch(PREFIX + "/leads/" + lead + "/status").then().statusCode(400)
                .body("message", equalTo("status PENDING is set by the system only"));
        Api.as(key).body(Map.of("status", "HOT")).patch(PREFIX + "/leads/" + lead + "/status").then().statusCode(400);
        Api.as(key).body(Map.of("status", "QUALIFIED")).patch(PREFIX + "/leads/" + lead + "/status").then().statusCode(200)
                .body("status", equalTo("QUALIFIED"));
        Api.as(key).queryParam("status", "QUALIFIED").get(PREFIX + "/leads").then().body("total", equalTo(1));
        Api.as(key).queryParam("q", "marta").get(PREFIX + "/leads").then().body("total", equalTo(1));
        Api.as(key).queryParam("q", "nobody").get(PREFIX + "/leads").then().body("total", equalTo(0));
        Api.as(key).queryParam("platform", "idealista").get(PREFIX + "/leads").then().body("total", equalTo(1));
        Api.as(key).queryParam("platform", "fotocasa").get(PREFIX + "/leads").then().body("total", equalTo(0));

        String note = Api.as(key).body(Map.of("content", "Llamar el lunes")).post(PREFIX + "/leads/" + lead + "/notes")
                .then().statusCode(201).body("content", equalTo("Llamar el lunes")).extract().path("id");
        Api.as(key).body(Map.of()).post(PREFIX + "/leads/" + lead + "/notes").then().statusCode(400)
                .body("message", equalTo("content is required"));
        Api.as(key).get(PREFIX + "/leads/" + lead + "/notes").then().body("data.size()", equalTo(1));
        Api.as(key).delete(PREFIX + "/leads/" + lead + "/notes/" + note).then().statusCode(204);
        Api.as(key).delete(PREFIX + "/leads/" + lead + "/notes/" + note).then().statusCode(404);

        String otherKey = Api.testKey();
        Api.as(otherKey).get(PREFIX + "/leads/" + lead).then().statusCode(404);
        String readOnly = Api.newKey(workspace, "test", "leads:read");
        Api.as(readOnly).delete(PREFIX + "/leads/" + lead).then().statusCode(403);

        Api.as(key).delete(PREFIX + "/leads/" + lead).then().statusCode(204);
        Api.as(key).get(PREFIX + "/leads/" + lead).then().statusCode(404);
    }

    @Test
    void postExtractionsQueuesAJobOnANewExtractOnlyCampaign() {
        String key = Api.testKey();
        var accepted = Api.as(key).body(Map.of("platform", "fotocasa", "maxResults", 30, "filters",
                        Map.of("operation", "sale", "location", Map.of("id", "724,19,46,0,0,0,0,0,0", "label", "Valencia"))))
                .post(PREFIX + "/extractions").then().statusCode(202)
                .body("status", equalTo("QUEUED")).body("platform", equalTo("fotocasa")).body("maxResults", equalTo(30))
                .extract();
        String campaign = accepted.path("campaignId");
        Api.as(key).get(PREFIX + "/campaigns/" + campaign).then()
                .body("mode", equalTo("extract_only")).body("status", equalTo("running"))
                .body("segmentation.expectedResults", equalTo(30));
        Api.as(key).get(PREFIX + "/extractions").then().body("total", equalTo(1))
                .body("data[0].id", equalTo(accepted.path("extractionId")));
        Api.as(key).body(Map.of("platform", "csv_import", "filters", Map.of())).post(PREFIX + "/extractions").then()
                .statusCode(400).body("message", equalTo("platform must be one of idealista, fotocasa, metrocuadrado, inmuebles24, zonaprop"));
        Api.as(key).body(Map.of("platform", "idealista", "filters", Map.of("operation", "rent"))).post(PREFIX + "/extractions")
                .then().statusCode(400).body("details[0].field", equalTo("segmentation.filters.location"));
        given().get(PREFIX + "/extractions").then().statusCode(401);
    }
}
