package io.hostreach.outreach.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hostreach.outreach.support.OutreachFixture;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.Rows;
import io.hostreach.outreach.support.TestAccounts;
import io.hostreach.outreach.support.TestCampaign;
import io.hostreach.outreach.support.TestLead;
import io.hostreach.outreach.support.TestPhones;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.Template;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each class of Meta error and what it does, as the domain research's table says. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class ProviderErrorsTest extends QuarkusOutreachTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    @ConfigProperty(name = "hostreach.outreach.retry.base")
    Duration retryBase;

    private Account account;
    private Template template;

    private TestCampaign campaign() {
        account = account == null ? TestAccounts.cloud(null) : account;
        template = template == null ? TestAccounts.approved() : template;
        return fixture.publish(new TestCampaign().account(account.id()).templateStep(template.id(), 0).templateStep(template.id(), 0));
    }

    private TestLead leadAnswered(TestCampaign campaign, ResponseDefinitionBuilder answer) {
        TestLead lead = new TestLead(campaign, TestPhones.spanishMobile());
        graph.stubFor(sendTo(lead.phone).willReturn(answer));
        return fixture.capture(lead);
    }

    // --- permanent: the message fails, the sequence ends, nothing is retried ---

    @ParameterizedTest
    @CsvSource({"131026, not_on_whatsapp", "131047, template_needed", "100, provider_error", "132000, provider_error"})
    void permanentErrorsEndTheSequence(int code, String endReason) {
        TestCampaign campaign = campaign();
        TestLead lead = leadAnswered(campaign, graphError(400, code));
        Map<String, Object> failed = fixture.awaitMessageStatus(lead, 1, "FAILED");
        assertEquals(code, failed.get("error_code"));
        assertEquals("FAILED", fixture.awaitEnrolmentStatus(lead, "FAILED"));
        assertEquals(endReason, rows.string("select end_reason from enrolment where lead_id = ?", lead.leadId));
        assertNull(fixture.message(lead, 2), "no later step");
        JsonNode event = fixture.awaitEventOfLead("io.hostreach.message.failed", lead).path("data");
        assertEquals("failed", event.path("status").asText());
        assertEquals(code, event.path("errorCode").asInt());
        assertFalse(event.path("errorTitle").asText().isBlank());
        assertFalse(event.path("campaignPaused").asBoolean());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> requestCount(lead.phone) == 1);
        assertNull(rows.string("select hold_code from campaign where id = ?", campaign.id));
    }

    @Test
    void aMarketingOptOutPutsTheNumberOnTheSuppressionList() {
        TestCampaign campaign = campaign();
        TestLead lead = leadAnswered(campaign, graphError(400, 131050));
        fixture.awaitMessageStatus(lead, 1, "FAILED");
        assertEquals("OPTED_OUT", fixture.awaitEnrolmentStatus(lead, "OPTED_OUT"));
        Map<String, Object> suppression = rows.row("select * from suppression where workspace_id = ? and environment = 'live' and phone = ?",
                campaign.workspaceId, lead.phone);
        assertEquals("whatsapp_opt_out", suppression.get("source"));
        assertTrue(suppression.get("reason").toString().contains("131050"));
        JsonNode optedOut = fixture.awaitEventOfLead("io.hostreach.lead.opted-out", lead).path("data");
        assertEquals(lead.phone, optedOut.path("phone").asText());
        assertTrue(optedOut.path("reason").asText().contains("131050"));
        fixture.awaitEventOfLead("io.hostreach.message.failed", lead);

        // Another lead with that number in the workspace is never contacted.
        TestLead again = fixture.capture(new TestLead(campaign, lead.phone));
        assertEquals("SKIPPED", fixture.awaitEnrolment(again));
        assertEquals(1, requestCount(lead.phone));
    }

    @Test
    void theEcosystemLimitIsRetriedOnceADayLater() {
        TestCampaign campaign = campaign();
        Instant before = Instant.now();
        TestLead lead = leadAnswered(campaign, graphError(400, 131049));
        await().atMost(OutreachFixture.WAIT).until(() -> Boolean.TRUE.equals(fixture.message(lead, 1).get("ecosystem_retried")));
        Map<String, Object> m = fixture.message(lead, 1);
        assertEquals("PENDING", m.get("status"));
        Instant due = Rows.instant(m.get("due_at"));
        assertTrue(!due.isBefore(before.plus(Duration.ofHours(24))) && due.isBefore(Instant.now().plus(Duration.ofHours(24))), due.toString());
        assertEquals(131049, m.get("error_code"));
        assertEquals("ACTIVE", fixture.enrolmentStatus(lead));
        assertEquals(1, requestCount(lead.phone));
    }

    // --- transient: the same message again after a backoff ---

    @ParameterizedTest
    @ValueSource(ints = {130429, 131056, 4, 80007, 131057})
    void transientErrorsAreRetriedAfterABackoff(int code) {
        retriedOnce(graphError(400, code));
    }

    @Test
    void aServerErrorWithoutAGraphBodyIsRetried() {
        retriedOnce(aResponse().withStatus(500).withBody("Internal Server Error"));
    }

    @Test
    void aServerErrorWithAGraphBodyIsRetried() {
        retriedOnce(graphError(503, 131000));
    }

    private void retriedOnce(ResponseDefinitionBuilder failure) {
        TestCampaign campaign = fixture.publish(new TestCampaign().account(TestAccounts.cloud(null).id())
                .templateStep(TestAccounts.approved().id(), 0));
        TestLead lead = new TestLead(campaign, TestPhones.spanishMobile());
        String scenario = "retry-" + lead.leadId;
        graph.stubFor(sendTo(lead.phone).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure).willSetStateTo("failed once"));
        graph.stubFor(sendTo(lead.phone).inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(accepted("wamid.RETRIED." + lead.leadId)));
        fixture.capture(lead);

        Map<String, Object> sent = fixture.awaitMessageStatus(lead, 1, "SENT");
        assertEquals(2, sent.get("attempts"));
        assertEquals("wamid.RETRIED." + lead.leadId, sent.get("provider_message_id"));
        List<Instant> at = requestTimes(lead.phone);
        assertEquals(2, at.size());
        long gap = Duration.between(at.get(0), at.get(1)).toMillis();
        assertTrue(gap >= retryBase.toMillis() * 0.9, "retried after " + gap + " ms");
        assertEquals("COMPLETED", fixture.awaitEnrolmentStatus(lead, "COMPLETED"));
    }

    @Test
    void aHopelessRetryableErrorFailsAfterTheLastAttemptWithGrowingGaps() {
        TestCampaign campaign = fixture.publish(new TestCampaign().account(TestAccounts.cloud(null).id())
                .templateStep(TestAccounts.approved().id(), 0));
        TestLead lead = leadAnswered(campaign, graphError(400, 130429));
        Map<String, Object> failed = fixture.awaitMessageStatus(lead, 1, "FAILED");
        assertEquals(5, failed.get("attempts"));
        assertEquals("retries_exhausted", rows.string("select end_reason from enrolment where lead_id = ?", lead.leadId));
        List<Instant> at = requestTimes(lead.phone);
        assertEquals(5, at.size());
        for (int i = 1; i < at.size(); i++) {
            long gap = Duration.between(at.get(i - 1), at.get(i)).toMillis();
            long least = (long) (retryBase.toMillis() * Math.pow(2, i - 1) * 0.9);
            assertTrue(gap >= least, "gap " + i + ": " + gap + " ms, at least " + least);
        }
        assertEquals(130429, fixture.awaitEventOfLead("io.hostreach.message.failed", lead).path("data").path("errorCode").asInt());
    }

    // --- a template paused for quality holds its campaign ---

    @Test
    void aPausedTemplateHoldsTheCampaignUntilItIsResumed() {
        TestCampaign campaign = campaign();
        TestLead first = leadAnswered(campaign, graphError(400, 132015));
        await().atMost(OutreachFixture.WAIT).until(() -> "132015".equals(rows.string("select hold_code from campaign where id = ?", campaign.id)));
        assertTrue(rows.string("select hold_reason from campaign where id = ?", campaign.id).contains("132015"));
        assertEquals("PENDING", fixture.message(first, 1).get("status"));
        assertEquals("ACTIVE", fixture.enrolmentStatus(first));

        JsonNode paused = fixture.awaitEventOfLead("io.hostreach.message.failed", first).path("data");
        assertEquals("failed", paused.path("status").asText());
        assertTrue(paused.path("campaignPaused").asBoolean());
        assertEquals(132015, paused.path("errorCode").asInt());
        assertTrue(paused.path("reason").asText().contains("132015"), paused.toString());
        assertEquals(List.of(campaign.id.toString()), ids(paused.path("pausedCampaignIds")));

        TestLead second = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        fixture.awaitEnrolment(second);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> requestCount(second.phone) == 0 && requestCount(first.phone) == 1);

        // Meta re-approves the template; the customer resumes the campaign (paused, then running).
        graph.resetAll();
        WireMockResource.stubDefaults(graph);
        fixture.publish(campaign.status("paused"));
        fixture.publish(campaign.status("running"));
        fixture.awaitMessageStatus(first, 1, "SENT");
        fixture.awaitMessageStatus(second, 1, "SENT");
        assertNull(rows.string("select hold_code from campaign where id = ?", campaign.id));
    }

    // --- number or account problems hold every campaign of the account ---

    @ParameterizedTest
    @ValueSource(ints = {131048, 190, 368, 131031, 131042})
    void anAccountErrorHoldsEveryCampaignOfTheAccount(int code) {
        account = TestAccounts.cloud(null);
        TestCampaign one = campaign();
        TestCampaign other = campaign();
        TestCampaign elsewhere = fixture.publish(new TestCampaign().account(TestAccounts.cloud(null).id())
                .templateStep(template.id(), 0));
        TestLead first = leadAnswered(one, graphError(400, code));
        await().atMost(OutreachFixture.WAIT).until(() -> String.valueOf(code).equals(rows.string("select hold_code from campaign where id = ?", other.id)));
        assertEquals(String.valueOf(code), rows.string("select hold_code from campaign where id = ?", one.id));
        assertNull(rows.string("select hold_code from campaign where id = ?", elsewhere.id));

        JsonNode paused = fixture.awaitEventOfLead("io.hostreach.message.failed", first).path("data");
        assertTrue(paused.path("campaignPaused").asBoolean());
        assertEquals(code, paused.path("errorCode").asInt());
        assertTrue(paused.path("reason").asText().contains("every campaign of the WhatsApp account"), paused.toString());
        List<String> held = ids(paused.path("pausedCampaignIds"));
        assertTrue(held.containsAll(List.of(one.id.toString(), other.id.toString())) && held.size() == 2, held.toString());

        TestLead second = fixture.capture(new TestLead(other, TestPhones.spanishMobile()));
        TestLead unaffected = fixture.capture(new TestLead(elsewhere, TestPhones.spanishMobile()));
        fixture.awaitMessageStatus(unaffected, 1, "SENT");
        // A configuration change is not a resume: the hold stays.
        fixture.update(other);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> requestCount(second.phone) == 0);
        assertEquals(String.valueOf(code), rows.string("select hold_code from campaign where id = ?", other.id));

        graph.resetAll();
        WireMockResource.stubDefaults(graph);
        fixture.publish(one.status("running"));
        fixture.publish(other.status("running"));
        fixture.awaitMessageStatus(first, 1, "SENT");
        fixture.awaitMessageStatus(second, 1, "SENT");
    }

    private List<Instant> requestTimes(String e164) {
        return graph.findAll(postRequestedFor(urlPathMatching("/v[0-9.]+/[^/]+/messages"))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(TestPhones.digits(e164)))))
                .stream().map(LoggedRequest::getLoggedDate).map(java.util.Date::toInstant)
                .sorted(Comparator.naturalOrder()).toList();
    }

    private static List<String> ids(JsonNode array) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
