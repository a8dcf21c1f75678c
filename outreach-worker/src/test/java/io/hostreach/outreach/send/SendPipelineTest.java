package io.hostreach.outreach.send;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.outreach.manual.ClickToChat;
import io.hostreach.outreach.support.OutreachFixture;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.Rows;
import io.hostreach.outreach.support.TestAccounts;
import io.hostreach.outreach.support.TestCampaign;
import io.hostreach.outreach.support.TestLead;
import io.hostreach.outreach.support.TestPhones;
import io.hostreach.outreach.support.Webhooks;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.Template;
import io.hostreach.testing.EventContract;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A captured lead through enrolment, the guard rails and the Cloud API, against a WireMock Graph API. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class SendPipelineTest extends QuarkusOutreachTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    @Inject
    StaleSendingReaper reaper;

    private TestCampaign cloudCampaign(Account account, Template template, double secondStepDelay) {
        return new TestCampaign().account(account.id()).templateStep(template.id(), 0).templateStep(template.id(), secondStepDelay);
    }

    @Test
    void aTemplateGoesWithItsParametersAndTheNextStepWaitsItsDelay() {
        Account account = TestAccounts.cloud(null);
        Template template = TestAccounts.approved();
        TestCampaign campaign = fixture.publish(cloudCampaign(account, template, 48));
        TestLead lead = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));

        Map<String, Object> sent = fixture.awaitMessageStatus(lead, 1, "SENT");
        String id = sent.get("id").toString();
        graph.verify(1, postRequestedFor(urlEqualTo(messagesPath(account)))
                .withHeader("Authorization", equalTo("Bearer " + account.accessToken()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                         "template":{"name":"captacion_vendedor_v1","language":{"code":"es_ES"},
                          "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},
                                                                    {"type":"text","text":"Piso luminoso en Ruzafa"}]}]},
                         "biz_opaque_callback_data":"%s"}""".formatted(TestPhones.digits(lead.phone), id))));

        assertTrue(sent.get("provider_message_id").toString().startsWith("wamid."));
        assertEquals(TestPhones.digits(lead.phone), sent.get("wa_id"));
        assertEquals("whatsapp", sent.get("channel"));
        assertEquals(account.phoneNumberId(), sent.get("sender_id"));
        assertEquals("captacion_vendedor_v1", sent.get("template_name"));
        assertEquals("Hola Ana, he visto su anuncio \"Piso luminoso en Ruzafa\". ¿Hablamos? Responda BAJA si no quiere más mensajes.",
                sent.get("body"));
        // Step 2 is due 48 hours after step 1 was sent.
        Map<String, Object> second = fixture.message(lead, 2);
        assertEquals("PENDING", second.get("status"));
        assertEquals(Rows.instant(sent.get("sent_at")).plus(Duration.ofHours(48)), Rows.instant(second.get("due_at")));
        assertEquals("ACTIVE", fixture.enrolmentStatus(lead));

        JsonNode event = fixture.awaitEventOfLead("io.hostreach.message.sent", lead);
        assertEquals("/hostreach/outreach-worker", event.path("source").asText());
        JsonNode data = event.path("data");
        assertEquals(id, data.path("messageId").asText());
        assertEquals(campaign.id.toString(), data.path("campaignId").asText());
        assertEquals(campaign.workspaceId.toString(), data.path("workspaceId").asText());
        assertEquals("live", data.path("environment").asText());
        assertEquals(1, data.path("step").asInt());
        assertEquals("whatsapp", data.path("channel").asText());
        assertEquals("sent", data.path("status").asText());
        assertEquals(sent.get("provider_message_id"), data.path("providerMessageId").asText());
        assertFalse(data.path("campaignPaused").asBoolean());
    }

    @Test
    void theContractsLeadCapturedExampleIsEnrolled() throws Exception {
        String example = EventContract.load().examples("io.hostreach.lead.captured").get(0);
        JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(example).path("data");
        TestCampaign campaign = new TestCampaign(UUID.fromString(data.path("campaignId").asText())).manual()
                .textStep("Hola {{name}}, ¿sigue disponible «{{listing.title}}»?", 0);
        campaign.workspaceId = UUID.fromString(data.path("workspaceId").asText());
        fixture.publish(campaign);
        fixture.captureRaw(campaign.id, example);

        String leadId = data.path("leadId").asText();
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from manual_task where lead_id = ?", UUID.fromString(leadId)) == 1);
        Map<String, Object> task = rows.row("select * from manual_task where lead_id = ?", UUID.fromString(leadId));
        String text = "Hola Carmen, ¿sigue disponible «Piso en alquiler en Ruzafa»?";
        assertEquals(text, task.get("text"));
        assertEquals(ClickToChat.link("+34612345678", text), task.get("link"));
        JsonNode created = fixture.awaitEvent("io.hostreach.task.created", d -> leadId.equals(d.path("leadId").asText()));
        assertEquals(text, created.path("data").path("text").asText());
    }

    @Test
    void leadsThatMayNotBeContactedAreSkippedWithTheReason() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = fixture.publish(cloudCampaign(account, TestAccounts.approved(), 0));
        TestLead professional = new TestLead(campaign, TestPhones.spanishMobile());
        professional.advertiserType = "professional";
        TestLead landline = new TestLead(campaign, "+34963000000");
        TestLead suppressed = new TestLead(campaign, TestPhones.spanishMobile());
        rows.update("insert into suppression (workspace_id, environment, phone, reason, source, created_at) values (?, 'live', ?, 'asked', 'manual', now())",
                campaign.workspaceId, suppressed.phone);
        fixture.capture(professional);
        fixture.capture(landline);
        fixture.capture(suppressed);
        TestLead twice = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        fixture.capture(twice);

        for (TestLead skipped : new TestLead[]{professional, landline, suppressed}) {
            assertEquals("SKIPPED", fixture.awaitEnrolment(skipped));
        }
        assertEquals("professional", endReason(professional));
        assertEquals("no_mobile", endReason(landline));
        assertEquals("suppressed", endReason(suppressed));
        fixture.awaitMessageStatus(twice, 1, "SENT");
        fixture.awaitMessageStatus(twice, 2, "SENT");
        assertEquals(1, rows.count("select count(*) from enrolment where lead_id = ?", twice.leadId));
        assertEquals(2, requestCount(twice.phone));
        for (TestLead skipped : new TestLead[]{professional, landline, suppressed}) {
            assertEquals(0, rows.count("select count(*) from outreach_message where lead_id = ?", skipped.leadId));
            assertEquals(0, requestCount(skipped.phone));
        }
    }

    @Test
    void aCampaignThatOnlyExtractsContactsNobody() {
        TestCampaign campaign = new TestCampaign().account(TestAccounts.cloud(null).id()).templateStep(TestAccounts.approved().id(), 0);
        campaign.mode = "extract_only";
        fixture.publish(campaign);
        TestLead lead = fixture.captureAndAwaitProcessing(new TestLead(campaign, TestPhones.spanishMobile()));
        assertEquals(0, rows.count("select count(*) from enrolment where lead_id = ?", lead.leadId));
        assertEquals(0, requestCount(lead.phone));
    }

    @Test
    void theDailyCapLimitsFirstContactsPerCampaignDay() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = new TestCampaign().account(account.id()).templateStep(TestAccounts.approved().id(), 0);
        campaign.settings.put("dailyCap", 2);
        fixture.publish(campaign);
        TestLead[] leads = {new TestLead(campaign, TestPhones.spanishMobile()), new TestLead(campaign, TestPhones.spanishMobile()),
                new TestLead(campaign, TestPhones.spanishMobile())};
        for (TestLead lead : leads) {
            fixture.capture(lead);
        }
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from outreach_message where campaign_id = ? and status = 'SENT'", campaign.id) == 2);
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        Instant tomorrow = Instant.now().atZone(madrid).toLocalDate().plusDays(1).atStartOfDay(madrid).toInstant();
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from outreach_message where campaign_id = ? and status = 'PENDING' and due_at >= ?",
                campaign.id, java.sql.Timestamp.from(tomorrow)) == 1);
        assertEquals(2, graph.findAll(postRequestedFor(urlEqualTo(messagesPath(account)))).size());
    }

    @Test
    void theAccountsMessagingLimitIsUsedAtEightyPercent() {
        // dailyLimit 2 x 0.8: one new recipient per rolling 24 hours.
        Account account = TestAccounts.cloud(2);
        Template template = TestAccounts.approved();
        TestCampaign first = fixture.publish(new TestCampaign().account(account.id()).templateStep(template.id(), 0));
        TestCampaign second = fixture.publish(new TestCampaign().account(account.id()).templateStep(template.id(), 0));
        TestLead a = fixture.capture(new TestLead(first, TestPhones.spanishMobile()));
        TestLead b = fixture.capture(new TestLead(second, TestPhones.spanishMobile()));
        Instant start = Instant.now();
        await().atMost(OutreachFixture.WAIT).until(() -> "SENT".equals(status(a)) || "SENT".equals(status(b)));
        TestLead held = "SENT".equals(status(a)) ? b : a;
        await().atMost(OutreachFixture.WAIT).until(() -> {
            Map<String, Object> m = fixture.message(held, 1);
            return m != null && Rows.instant(m.get("due_at")).isAfter(start.plus(Duration.ofMinutes(9)));
        });
        assertEquals("PENDING", status(held));
        assertEquals(1, graph.findAll(postRequestedFor(urlEqualTo(messagesPath(account)))).size());
    }

    @Test
    void freeTextGoesOnlyInsideTheTwentyFourHourWindow() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = fixture.publish(new TestCampaign().account(account.id()).textStep("Hola {{name}}, ¿sigue en venta?", 0));
        TestLead closed = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        Map<String, Object> failed = fixture.awaitMessageStatus(closed, 1, "FAILED");
        assertEquals(131047, failed.get("error_code"));
        assertEquals("FAILED", fixture.enrolmentStatus(closed));
        assertEquals("template_needed", endReason(closed));
        assertEquals(0, requestCount(closed.phone));
        JsonNode event = fixture.awaitEventOfLead("io.hostreach.message.failed", closed);
        assertEquals("failed", event.path("data").path("status").asText());
        assertEquals(131047, event.path("data").path("errorCode").asInt());

        // The lead wrote to the business number first: the window is open.
        String phone = TestPhones.spanishMobile();
        Webhooks.post(Webhooks.text(account.phoneNumberId(), TestPhones.digits(phone), "Hola, vi su anuncio")).then().statusCode(200);
        await().atMost(OutreachFixture.WAIT).until(() -> rows.count(
                "select count(*) from conversation_window where sender_id = ? and phone = ?", account.phoneNumberId(), phone) == 1);
        TestLead open = fixture.capture(new TestLead(campaign, phone));
        Map<String, Object> sent = fixture.awaitMessageStatus(open, 1, "SENT");
        graph.verify(1, postRequestedFor(urlEqualTo(messagesPath(account))).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                 "text":{"preview_url":false,"body":"Hola Ana, ¿sigue en venta?"},"biz_opaque_callback_data":"%s"}"""
                .formatted(TestPhones.digits(phone), sent.get("id")))));
    }

    @Test
    void pausingHoldsEveryPendingSendAndResumingContinues() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = fixture.publish(cloudCampaign(account, TestAccounts.approved(), 0));
        TestLead before = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        fixture.awaitMessageStatus(before, 1, "SENT");

        fixture.publish(campaign.status("paused"));
        TestLead during = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        assertEquals("ACTIVE", fixture.awaitEnrolment(during));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> requestCount(during.phone) == 0);
        assertEquals("PENDING", status(during));

        fixture.publish(campaign.status("running"));
        fixture.awaitMessageStatus(during, 1, "SENT");
        fixture.awaitMessageStatus(during, 2, "SENT");
        assertEquals("COMPLETED", fixture.awaitEnrolmentStatus(during, "COMPLETED"));
    }

    @Test
    void completingTheCampaignCancelsWhatIsStillToCome() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = fixture.publish(cloudCampaign(account, TestAccounts.approved(), 48));
        TestLead lead = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        fixture.awaitMessageStatus(lead, 1, "SENT");
        assertEquals("PENDING", fixture.message(lead, 2).get("status"));

        fixture.publish(campaign.status("completed"));
        fixture.awaitMessageStatus(lead, 2, "CANCELLED");
        assertEquals("CANCELLED", fixture.enrolmentStatus(lead));
        assertEquals("campaign_completed", endReason(lead));
        TestLead late = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        assertEquals("SKIPPED", fixture.awaitEnrolment(late));
        assertEquals(1, requestCount(lead.phone));
    }

    @Test
    void aCrashBetweenRecordAndSendLeavesItUnknownNeverSentTwice() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = fixture.publish(cloudCampaign(account, TestAccounts.approved(), 0).status("paused"));
        TestLead lead = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        fixture.awaitMessageStatus(lead, 1, "PENDING");
        // The replica wrote SENDING, committed, called Meta and died before recording the answer.
        UUID messageId = (UUID) fixture.message(lead, 1).get("id");
        rows.update("""
                update outreach_message set status = 'SENDING', attempts = 1, channel = 'whatsapp', account_id = ?, sender_id = ?,
                       claimed_at = now() - interval '10 minutes', first_claimed_at = now() - interval '10 minutes'
                where id = ?""", account.id(), account.phoneNumberId(), messageId);

        assertTrue(reaper.reap().await().atMost(Duration.ofSeconds(10)) >= 1);
        assertEquals("UNKNOWN", status(lead));
        fixture.publish(campaign.status("running"));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> requestCount(lead.phone) == 0);
        assertEquals("UNKNOWN", status(lead));

        // Meta had it: its status webhook carries our id and settles the message without a second send.
        String wamid = "wamid.CRASH." + UUID.randomUUID();
        Webhooks.post(Webhooks.status(account.phoneNumberId(), wamid, "delivered", TestPhones.digits(lead.phone),
                messageId.toString(), null)).then().statusCode(200);
        Map<String, Object> delivered = fixture.awaitMessageStatus(lead, 1, "DELIVERED");
        assertEquals(wamid, delivered.get("provider_message_id"));
        assertNotNull(delivered.get("sent_at"));
        fixture.awaitEventOfLead("io.hostreach.message.sent", lead);
        fixture.awaitEventOfLead("io.hostreach.message.delivered", lead);
        // The sequence moves on from there; step 1 itself never went a second time.
        fixture.awaitMessageStatus(lead, 2, "SENT");
        assertEquals(0, graph.findAll(postRequestedFor(urlEqualTo(messagesPath(account)))
                .withRequestBody(containing(messageId.toString()))).size());
        assertEquals(1, requestCount(lead.phone));
    }

    @Test
    void whenEveryLeadHasFinishedTheCampaignDrainsOnce() {
        Account account = TestAccounts.cloud(null);
        TestCampaign campaign = fixture.publish(new TestCampaign().account(account.id()).templateStep(TestAccounts.approved().id(), 0));
        TestLead a = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        TestLead b = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        fixture.awaitEnrolmentStatus(a, "COMPLETED");
        fixture.awaitEnrolmentStatus(b, "COMPLETED");

        JsonNode drained = fixture.awaitEvent("io.hostreach.campaign.drained", d -> campaign.id.toString().equals(d.path("campaignId").asText()));
        assertEquals(campaign.workspaceId.toString(), drained.path("data").path("workspaceId").asText());
        assertEquals("live", drained.path("data").path("environment").asText());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8)).until(() -> fixture.events("io.hostreach.campaign.drained",
                d -> campaign.id.toString().equals(d.path("campaignId").asText())).size() == 1);
    }

    private String status(TestLead lead) {
        Map<String, Object> m = fixture.message(lead, 1);
        return m == null ? null : (String) m.get("status");
    }

    private String endReason(TestLead lead) {
        return rows.string("select end_reason from enrolment where lead_id = ? and campaign_id = ?", lead.leadId, lead.campaign.id);
    }
}
