package io.hostreach.campaign.lead;

import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.WorkerEvents;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** outreach-worker's reports become lead statuses, a message log and the campaign's funnel. */
@QuarkusTest
class OutreachIntakeTest {

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.lead-events")
    String leadTopic;

    @ConfigProperty(name = "hostreach.topics.outreach-events")
    String outreachTopic;

    private void send(String topic, String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value)).awaitCompletion();
    }

    private String capture(String key, String workspace, String campaign, String phone) {
        String lead = UUID.randomUUID().toString();
        send(leadTopic, campaign, WorkerEvents.leadCaptured(UUID.randomUUID().toString(), lead, campaign, workspace, null,
                UUID.randomUUID().toString().substring(0, 9), phone, "Lead " + phone));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/leads/" + lead).then().statusCode(200));
        return lead;
    }

    @Test
    void sendsStatusesAndRepliesMoveLeadsAndFillTheFunnel() {
        String key = Api.testKey();
        String workspace = Api.as(key).get(PREFIX + "/me").then().extract().path("workspaceId");
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        String replier = capture(key, workspace, campaign, "+34611000001");
        String unreachable = capture(key, workspace, campaign, "+34611000002");
        String message = UUID.randomUUID().toString();

        send(outreachTopic, replier, WorkerEvents.outreach("message.sent", message, replier, campaign, workspace, 1, "sent", null, "2026-11-28T10:00:00Z"));
        send(outreachTopic, replier, WorkerEvents.outreach("message.read", message, replier, campaign, workspace, 1, "read", null, "2026-11-28T10:02:00Z"));
        // Late and out of order: never moves the message back from read.
        send(outreachTopic, replier, WorkerEvents.outreach("message.delivered", message, replier, campaign, workspace, 1, "delivered", null, "2026-11-28T10:01:00Z"));
        send(outreachTopic, replier, WorkerEvents.outreach("lead.replied", null, replier, campaign, workspace, 1, null, null, "2026-11-28T11:00:00Z"));
        send(outreachTopic, unreachable, WorkerEvents.outreach("message.failed", UUID.randomUUID().toString(), unreachable,
                campaign, workspace, 1, "failed", 131026, "2026-11-28T10:00:05Z"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/leads/" + replier).then()
                .body("status", equalTo("REPLIED")).body("repliedAt", equalTo("2026-11-28T11:00:00Z")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/leads/" + unreachable).then()
                .body("status", equalTo("ERROR")));
        Api.as(key).get(PREFIX + "/campaigns/" + campaign + "/stats").then().statusCode(200)
                .body("funnel.captured", equalTo(2))
                .body("funnel.contacted", equalTo(1))
                .body("funnel.read", equalTo(1))
                .body("funnel.delivered", equalTo(0))
                .body("funnel.replied", equalTo(1))
                .body("messages.read", equalTo(1))
                .body("messages.failed", equalTo(1))
                .body("failuresByReason.131026", equalTo(1))
                .body("replyRate", equalTo(1.0f))
                .body("leadsByStatus.REPLIED", equalTo(1));
        Api.as(key).get(PREFIX + "/campaigns/" + campaign).then().body("stats.contacted", equalTo(1)).body("stats.replied", equalTo(1));
    }

    @Test
    void anAgentsStatusIsNeverOverwrittenByOutreach() {
        String key = Api.testKey();
        String workspace = Api.as(key).get(PREFIX + "/me").then().extract().path("workspaceId");
        String campaign = Api.createCampaign(key, Api.runnablePortalCampaign());
        String lead = capture(key, workspace, campaign, "+34611000003");
        Api.as(key).body(Map.of("status", "QUALIFIED")).patch(PREFIX + "/leads/" + lead + "/status").then().statusCode(200);
        send(outreachTopic, lead, WorkerEvents.outreach("message.sent", UUID.randomUUID().toString(), lead, campaign, workspace, 2, "sent", null, "2026-11-28T10:00:00Z"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.as(key).get(PREFIX + "/campaigns/" + campaign + "/stats")
                .then().body("messages.sent", equalTo(1)));
        Api.as(key).get(PREFIX + "/leads/" + lead).then().body("status", equalTo("QUALIFIED"))
                .body("lastContactedAt", equalTo("2026-11-28T10:00:00Z"));
        Api.as(Api.testKey()).get(PREFIX + "/campaigns/" + campaign + "/stats").then().statusCode(404);
    }
}
