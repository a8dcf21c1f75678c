package io.hostreach.outreach.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.outreach.send.StaleSendingReaper;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.Rows;
import io.hostreach.outreach.support.TestAccounts;
import io.hostreach.outreach.support.TestCampaign;
import io.hostreach.outreach.support.TestLead;
import io.hostreach.outreach.support.TestPhones;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test-mode campaign shows a living funnel offline: the sandbox WhatsApp answers by the number's last digit. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class SandboxFunnelTest extends QuarkusOutreachTest {

    @Inject
    StaleSendingReaper reaper;

    @Test
    void aTestModeCampaignGoesThroughTheWholeFunnelWithoutCredentials() {
        String template = TestAccounts.approved().id();
        // No account at all: test mode needs none.
        TestCampaign campaign = fixture.publish(new TestCampaign().test().templateStep(template, 0).templateStep(template, 48));
        TestLead notOnWhatsApp = fixture.capture(new TestLead(campaign, TestPhones.endingIn(0)));
        TestLead ecosystem = fixture.capture(new TestLead(campaign, TestPhones.endingIn(1)));
        TestLead reads = fixture.capture(new TestLead(campaign, TestPhones.endingIn(2)));
        TestLead replies = fixture.capture(new TestLead(campaign, TestPhones.endingIn(7)));
        TestLead optsOut = fixture.capture(new TestLead(campaign, TestPhones.endingIn(8)));
        TestLead deliveredOnly = fixture.capture(new TestLead(campaign, TestPhones.endingIn(9)));

        Map<String, Object> failed = fixture.awaitMessageStatus(notOnWhatsApp, 1, "FAILED");
        assertEquals(131026, failed.get("error_code"));
        assertEquals("FAILED", fixture.awaitEnrolmentStatus(notOnWhatsApp, "FAILED"));

        fixture.awaitMessageStatus(reads, 1, "READ");
        fixture.awaitMessageStatus(deliveredOnly, 1, "DELIVERED");
        assertEquals("REPLIED", fixture.awaitEnrolmentStatus(replies, "REPLIED"));
        assertEquals("OPTED_OUT", fixture.awaitEnrolmentStatus(optsOut, "OPTED_OUT"));
        assertEquals(1, rows.count("select count(*) from suppression where workspace_id = ? and environment = 'test' and phone = ?",
                campaign.workspaceId, optsOut.phone));

        // 131049 after acceptance: once more, a day later; the next step waits for it.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                Boolean.TRUE.equals(fixture.message(ecosystem, 1).get("ecosystem_retried")));
        Map<String, Object> retried = fixture.message(ecosystem, 1);
        assertEquals("PENDING", retried.get("status"));
        assertTrue(Rows.instant(retried.get("due_at")).isAfter(Instant.now().plus(Duration.ofHours(23))));
        assertNull(fixture.message(ecosystem, 2));

        // Step 2 of the leads still in the sequence waits its 48 hours.
        assertEquals("PENDING", fixture.message(reads, 2).get("status"));
        assertEquals("CANCELLED", fixture.message(replies, 2).get("status"));

        JsonNode sent = fixture.awaitEventOfLead("io.hostreach.message.sent", reads).path("data");
        assertEquals("sandbox", sent.path("channel").asText());
        assertEquals("test", sent.path("environment").asText());
        assertTrue(sent.path("providerMessageId").asText().startsWith("wamid.SANDBOX."));
        fixture.awaitEventOfLead("io.hostreach.message.delivered", reads);
        fixture.awaitEventOfLead("io.hostreach.message.read", reads);
        fixture.awaitEventOfLead("io.hostreach.lead.replied", replies);
        fixture.awaitEventOfLead("io.hostreach.lead.opted-out", optsOut);
        assertEquals(131026, fixture.awaitEventOfLead("io.hostreach.message.failed", notOnWhatsApp).path("data").path("errorCode").asInt());
        assertEquals(0, fixture.eventsOfLead("io.hostreach.message.read", deliveredOnly).size());
        // Nothing left the machine.
        for (TestLead lead : new TestLead[]{notOnWhatsApp, ecosystem, reads, replies, optsOut, deliveredOnly}) {
            assertEquals(0, requestCount(lead.phone));
        }
    }

    @Test
    void aSandboxSendThatNeverReachedTheSandboxIsSentAgain() {
        TestCampaign campaign = fixture.publish(new TestCampaign().test().templateStep(TestAccounts.approved().id(), 0).status("paused"));
        TestLead lead = fixture.capture(new TestLead(campaign, TestPhones.endingIn(2)));
        fixture.awaitMessageStatus(lead, 1, "PENDING");
        UUID id = (UUID) fixture.message(lead, 1).get("id");
        rows.update("""
                update outreach_message set status = 'SENDING', attempts = 1, channel = 'sandbox', sender_id = ?,
                       claimed_at = now() - interval '10 minutes', first_claimed_at = now() - interval '10 minutes'
                where id = ?""", "sandbox-" + campaign.workspaceId, id);

        reaper.reap().await().atMost(Duration.ofSeconds(10));
        // The sandbox is ours: it knows it never got the message, so it is pending again (not UNKNOWN).
        assertEquals("PENDING", fixture.message(lead, 1).get("status"));
        fixture.publish(campaign.status("running"));
        Map<String, Object> read = fixture.awaitMessageStatus(lead, 1, "READ");
        assertEquals(2, read.get("attempts"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                fixture.eventsOfLead("io.hostreach.message.read", lead).size() == 1);
        assertEquals(1, fixture.eventsOfLead("io.hostreach.message.sent", lead).size());
    }
}
