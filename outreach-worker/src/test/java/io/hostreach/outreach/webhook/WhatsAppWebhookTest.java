package io.hostreach.outreach.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.outreach.support.OutreachFixture;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.TestAccounts;
import io.hostreach.outreach.support.TestCampaign;
import io.hostreach.outreach.support.TestLead;
import io.hostreach.outreach.support.TestPhones;
import io.hostreach.outreach.support.Webhooks;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.Template;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Meta's webhooks: verification, signatures, statuses in any order and any number of times, replies and opt-outs. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class WhatsAppWebhookTest extends QuarkusOutreachTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private Account account;

    private TestCampaign campaign(double secondStepDelay) {
        account = TestAccounts.cloud(null);
        Template template = TestAccounts.approved();
        TestCampaign campaign = new TestCampaign().account(account.id()).templateStep(template.id(), 0);
        if (secondStepDelay >= 0) {
            campaign.templateStep(template.id(), secondStepDelay);
        }
        return fixture.publish(campaign);
    }

    private String sentWamid(TestLead lead) {
        return (String) fixture.awaitMessageStatus(lead, 1, "SENT").get("provider_message_id");
    }

    // --- subscription ---

    @Test
    void theSubscriptionChallengeIsAnsweredOnlyForTheVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp")
                .then().statusCode(200).contentType(containsString("text/plain")).body(is("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp").then().statusCode(403);
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp").then().statusCode(403);
        given().get("/webhooks/whatsapp").then().statusCode(403);
    }

    // --- signatures ---

    @Test
    void anUnsignedOrWronglySignedPostIsRefusedAndChangesNothing() {
        TestLead lead = fixture.capture(new TestLead(campaign(-1), TestPhones.spanishMobile()));
        String wamid = sentWamid(lead);
        String body = Webhooks.status(account.phoneNumberId(), wamid, "read", TestPhones.digits(lead.phone), null, null);

        given().contentType("application/json").body(body).post("/webhooks/whatsapp").then().statusCode(401);
        given().contentType("application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "not-the-app-secret"))
                .body(body).post("/webhooks/whatsapp").then().statusCode(401);
        // Signed right, then one byte changed: the signature covers the raw body.
        given().contentType("application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), Webhooks.APP_SECRET))
                .body(body.replace("\"read\"", "\"READ\"")).post("/webhooks/whatsapp").then().statusCode(401);

        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> "SENT".equals(fixture.message(lead, 1).get("status")));
        assertEquals(0, rows.count("select count(*) from webhook_delivery where payload like ?", "%" + wamid + "%"));
        assertEquals(0, rows.count("select count(*) from message_status_receipt where provider_message_id = ?", wamid));
        assertEquals(0, fixture.eventsOfLead("io.hostreach.message.read", lead).size());
    }

    @Test
    void aSignedPostIsStoredAsReceivedAndAcknowledged() {
        String body = Webhooks.status("000000000000000", "wamid.STORED." + java.util.UUID.randomUUID(), "sent", "34600000000", null, null);
        Webhooks.post(body).then().statusCode(200).body(is("EVENT_RECEIVED"));
        assertEquals(1, rows.count("select count(*) from webhook_delivery where payload = ? and source = 'meta'", body));
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from webhook_delivery where payload = ? and processed_at is not null", body) == 1);
    }

    // --- statuses ---

    @Test
    void statusesOutOfOrderAndRepeatedOnlyEverMoveForward() {
        TestLead lead = fixture.capture(new TestLead(campaign(-1), TestPhones.spanishMobile()));
        String wamid = sentWamid(lead);
        String to = TestPhones.digits(lead.phone);
        String id = fixture.message(lead, 1).get("id").toString();
        for (String status : new String[]{"read", "delivered", "sent", "read", "delivered"}) {
            Webhooks.post(Webhooks.status(account.phoneNumberId(), wamid, status, to, id, null)).then().statusCode(200);
        }
        // A failure after the message was read cannot be true: ignored.
        Webhooks.post(Webhooks.status(account.phoneNumberId(), wamid, "failed", to, id, 131026)).then().statusCode(200);

        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from message_status_receipt where provider_message_id = ?", wamid) == 4);
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from webhook_delivery where payload like ? and processed_at is null", "%" + wamid + "%") == 0);
        Map<String, Object> m = fixture.message(lead, 1);
        assertEquals("READ", m.get("status"));
        assertNotNull(m.get("delivered_at"));
        assertNotNull(m.get("read_at"));
        assertEquals(null, m.get("error_code"));
        fixture.awaitEventOfLead("io.hostreach.message.read", lead);
        assertEquals(1, fixture.eventsOfLead("io.hostreach.message.sent", lead).size());
        assertEquals(1, fixture.eventsOfLead("io.hostreach.message.delivered", lead).size());
        assertEquals(1, fixture.eventsOfLead("io.hostreach.message.read", lead).size());
        assertEquals(0, fixture.eventsOfLead("io.hostreach.message.failed", lead).size());
        assertEquals("COMPLETED", fixture.enrolmentStatus(lead));
    }

    @Test
    void aFailedStatusAfterAcceptanceEndsTheSequence() {
        TestLead lead = fixture.capture(new TestLead(campaign(48), TestPhones.spanishMobile()));
        String wamid = sentWamid(lead);
        Webhooks.post(Webhooks.status(account.phoneNumberId(), wamid, "failed", TestPhones.digits(lead.phone), null, 131026))
                .then().statusCode(200);
        fixture.awaitMessageStatus(lead, 1, "FAILED");
        assertEquals("FAILED", fixture.awaitEnrolmentStatus(lead, "FAILED"));
        assertEquals("CANCELLED", fixture.message(lead, 2).get("status"));
        JsonNode failed = fixture.awaitEventOfLead("io.hostreach.message.failed", lead).path("data");
        assertEquals(131026, failed.path("errorCode").asInt());
        assertEquals(wamid, failed.path("providerMessageId").asText());
    }

    // --- replies and opt-outs ---

    @Test
    void aReplyEndsTheSequenceAndIsAnnounced() {
        TestLead lead = fixture.capture(new TestLead(campaign(48), TestPhones.spanishMobile()));
        sentWamid(lead);
        Webhooks.post(Webhooks.text(account.phoneNumberId(), TestPhones.digits(lead.phone), "Hola, ¿qué precio tiene?"))
                .then().statusCode(200);

        assertEquals("REPLIED", fixture.awaitEnrolmentStatus(lead, "REPLIED"));
        assertEquals("CANCELLED", fixture.message(lead, 2).get("status"));
        JsonNode replied = fixture.awaitEventOfLead("io.hostreach.lead.replied", lead).path("data");
        assertEquals("Hola, ¿qué precio tiene?", replied.path("text").asText());
        assertEquals(lead.campaign.id.toString(), replied.path("campaignId").asText());
        assertEquals(1, rows.count("select count(*) from conversation_window where sender_id = ? and phone = ?",
                account.phoneNumberId(), lead.phone));
        assertEquals(0, rows.count("select count(*) from suppression where phone = ?", lead.phone));
    }

    @Test
    void anOptOutWordSuppressesTheNumberAtOnceEverywhereInTheWorkspace() {
        TestCampaign cloud = campaign(48);
        TestLead lead = fixture.capture(new TestLead(cloud, TestPhones.spanishMobile()));
        // The same person is also a lead of a paused manual campaign of the workspace.
        TestCampaign manual = new TestCampaign().manual().textStep("Hola {{name}}", 0).status("paused");
        manual.workspaceId = cloud.workspaceId;
        fixture.publish(manual);
        TestLead manualLead = fixture.capture(new TestLead(manual, lead.phone));
        fixture.awaitEnrolmentStatus(manualLead, "ACTIVE");
        sentWamid(lead);

        Webhooks.post(Webhooks.text(account.phoneNumberId(), TestPhones.digits(lead.phone), "¡Baja!")).then().statusCode(200);

        assertEquals("OPTED_OUT", fixture.awaitEnrolmentStatus(lead, "OPTED_OUT"));
        assertEquals("OPTED_OUT", fixture.awaitEnrolmentStatus(manualLead, "OPTED_OUT"));
        assertEquals("CANCELLED", fixture.message(lead, 2).get("status"));
        assertEquals("CANCELLED", fixture.message(manualLead, 1).get("status"));
        Map<String, Object> suppression = rows.row("select * from suppression where workspace_id = ? and environment = 'live' and phone = ?",
                cloud.workspaceId, lead.phone);
        assertEquals("opt_out", suppression.get("source"));
        assertEquals("opt-out reply \"¡Baja!\"", suppression.get("reason"));
        JsonNode optedOut = fixture.awaitEventOfLead("io.hostreach.lead.opted-out", lead).path("data");
        assertEquals(lead.phone, optedOut.path("phone").asText());
        fixture.awaitEventOfLead("io.hostreach.lead.opted-out", manualLead);
        assertEquals(0, fixture.eventsOfLead("io.hostreach.lead.replied", lead).size());

        // Nothing more goes to the number: a new lead is skipped, the resumed manual campaign makes no task.
        TestLead later = fixture.capture(new TestLead(cloud, lead.phone));
        assertEquals("SKIPPED", fixture.awaitEnrolment(later));
        assertEquals("suppressed", rows.string("select end_reason from enrolment where lead_id = ?", later.leadId));
        fixture.publish(manual.status("running"));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() ->
                rows.count("select count(*) from manual_task where phone = ?", lead.phone) == 0);
        assertEquals(1, requestCount(lead.phone));
    }

    @Test
    void aStopButtonIsAnOptOutAndAnyOtherButtonAReply() {
        TestCampaign campaign = campaign(48);
        TestLead stop = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        TestLead interested = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        String stopWamid = sentWamid(stop);
        String interestedWamid = sentWamid(interested);

        Webhooks.post(Webhooks.button(account.phoneNumberId(), TestPhones.digits(stop.phone), stopWamid, "STOP", "Stop"))
                .then().statusCode(200);
        Webhooks.post(Webhooks.button(account.phoneNumberId(), TestPhones.digits(interested.phone), interestedWamid,
                "INTERESTED", "Me interesa")).then().statusCode(200);

        assertEquals("OPTED_OUT", fixture.awaitEnrolmentStatus(stop, "OPTED_OUT"));
        assertEquals("REPLIED", fixture.awaitEnrolmentStatus(interested, "REPLIED"));
        assertEquals("Me interesa", fixture.awaitEventOfLead("io.hostreach.lead.replied", interested).path("data").path("text").asText());
        fixture.awaitEventOfLead("io.hostreach.lead.opted-out", stop);
    }
}
