package io.hostreach.campaign.messaging;

import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.TestDatabase;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A campaign outreach-worker had to hold (a Meta error) is paused here with the reason, until a user resumes it. */
@QuarkusTest
class CampaignHeldByOutreachTest {

    private static final String REASON = "Template captacion_vendedor_v1 is paused by Meta for low quality: the campaign is "
            + "paused until it is resumed";

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.outreach-events")
    String outreachTopic;

    @Test
    void aHeldCampaignIsPausedWithTheReasonAndResumingClearsIt() {
        String key = Api.testKey();
        String workspace = Api.as(key).get(PREFIX + "/me").then().extract().path("workspaceId");
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        String other = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, campaign, "running").statusCode(200);
        Api.setStatus(key, other, "running").statusCode(200);
        String lead = UUID.randomUUID().toString();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/hostreach/outreach-worker","type":"io.hostreach.message.failed",
                 "subject":"%s","time":"%s",
                 "data":{"messageId":"%s","leadId":"%s","campaignId":"%s","workspaceId":"%s","environment":"test",
                   "step":1,"channel":"whatsapp","providerMessageId":null,"status":"failed","errorCode":132015,
                   "errorTitle":"Template paused","campaignPaused":true,"reason":"%s","pausedCampaignIds":["%s"],
                   "at":"2026-11-28T10:00:00Z"}}"""
                .formatted(UUID.randomUUID(), lead, Instant.now(), UUID.randomUUID(), lead, campaign, workspace, REASON, campaign);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(outreachTopic, lead, event)).awaitCompletion();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/campaigns/" + campaign).then()
                .body("status", equalTo("paused")).body("pausedReason", equalTo(REASON)));
        // The pause is announced like a user's, so the workers stop too.
        assertEquals(1, TestDatabase.count("select count(*) from outbox_event where message_key = ? and event_type = ? "
                + "and payload like '%\"previousStatus\":\"running\"%' and payload like '%\"status\":\"paused\"%'",
                campaign, "io.hostreach.campaign.status-changed"));
        Api.as(key).get(PREFIX + "/campaigns/" + other).then().body("status", equalTo("running")).body("pausedReason", nullValue());

        Api.setStatus(key, campaign, "running").statusCode(200).body("pausedReason", nullValue());
        Api.setStatus(key, campaign, "paused").statusCode(200).body("pausedReason", nullValue());
    }
}
