package io.hostreach.extraction.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.testing.ExtractionEventsTest;
import io.hostreach.extraction.testing.Extractions;
import io.hostreach.extraction.testing.PortalServer;
import io.hostreach.extraction.testing.TestCampaign;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test-mode campaigns extract from the in-process sandbox portal: the same runner, no network. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PortalServer.class, scope = TestResourceScope.GLOBAL)
class SandboxExtractionTest extends ExtractionEventsTest {


    @Test
    void aTestCampaignExtractsExactlyTheExpectedNumberOfLeadsAndASecondRunStopsAtTheFirstSeenListing() {
        TestCampaign campaign = TestCampaign.portal("idealista", "sale", "0-EU-ES-46", "Valencia")
                .environment("test").expectedResults(40);

        UUID first = extractions.start(campaign);
        JsonNode done = extractions.awaitFinished(campaign, first);

        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        assertEquals(40, done.path("created").asInt());
        assertEquals(40, done.path("expectedResults").asInt());
        assertEquals("test", done.path("environment").asText());
        // The sandbox's mix: professionals, owners hiding their phone, owners refusing agencies, repeated cards.
        assertTrue(done.path("skippedProfessional").asInt() > 0, done.toString());
        assertTrue(done.path("skippedNoPhone").asInt() > 0, done.toString());
        assertTrue(done.path("skippedAgencyRefusal").asInt() > 0, done.toString());
        assertTrue(done.path("pages").asInt() >= 2, done.toString());
        assertEquals(done.path("found").asInt(), 40 + done.path("duplicates").asInt() + done.path("skippedProfessional").asInt()
                + done.path("skippedAgencyRefusal").asInt() + done.path("skippedNoPhone").asInt(), done.toString());
        List<JsonNode> leads = extractions.awaitLeads(campaign.id, 40);
        assertEquals(40, extractions.leadsInOutbox(campaign.id));
        for (JsonNode lead : leads) {
            assertEquals("private", lead.path("advertiserType").asText());
            assertTrue(lead.path("phone").asText().startsWith("+3465550"), lead.toString());
            assertEquals("EUR", lead.path("listing").path("currency").asText());
            assertEquals("sale", lead.path("listing").path("operation").asText());
        }

        UUID second = extractions.execute(campaign);
        JsonNode again = extractions.awaitFinished(campaign, second);

        assertEquals("COMPLETED", again.path("status").asText(), again.toString());
        assertEquals("execute", again.path("trigger").asText());
        assertEquals(0, again.path("created").asInt());
        assertEquals(1, again.path("found").asInt());
        assertEquals(1, again.path("duplicates").asInt());
        assertEquals(1, again.path("pages").asInt());
        assertEquals(40, extractions.leadsInOutbox(campaign.id), "nothing captured twice");
    }

    @Test
    void everyPlatformHasASandboxInItsCountrysCurrencyAndPhoneRegion() {
        record Market(String platform, String operation, String location, String label, String currency, String phone) {
        }
        List<Market> markets = List.of(
                new Market("fotocasa", "rent", "724,9,8,0,0,8019,0,0,0", "Barcelona", "EUR", "+34"),
                new Market("idealista", "sale", "0-EU-IT-MI", "Milano", "EUR", "+39"),
                new Market("metrocuadrado", "sale", "medellin", "Medellín", "COP", "+57"),
                new Market("inmuebles24", "rent", "coyoacan", "Coyoacán", "MXN", "+52"),
                new Market("zonaprop", "sale", "belgrano", "Belgrano", "USD", "+54"));
        for (Market market : markets) {
            TestCampaign campaign = TestCampaign.portal(market.platform(), market.operation(), market.location(),
                    market.label()).environment("test").expectedResults(5);
            UUID run = extractions.start(campaign);
            JsonNode done = extractions.awaitFinished(campaign, run);
            assertEquals("COMPLETED", done.path("status").asText(), market + " " + done);
            assertEquals(5, done.path("created").asInt(), market + " " + done);
            for (JsonNode lead : extractions.awaitLeads(campaign.id, 5)) {
                assertEquals(market.currency(), lead.path("listing").path("currency").asText(), market.toString());
                assertTrue(lead.path("phone").asText().startsWith(market.phone()), market + " " + lead);
                assertThat(lead.path("listing").path("city").asText(), containsString(market.label()));
            }
        }
    }

    @Test
    void aRunWhoseReplicaDiedIsTakenOverAtItsCursor() {
        TestCampaign campaign = TestCampaign.portal("fotocasa", "sale", "724,9,8,0,0,8019,0,0,0", "Barcelona")
                .environment("test").expectedResults(500).schedule("9", "1", "Europe/Madrid");
        extractions.status(campaign, "running", "draft");
        await().atMost(Extractions.PATIENCE).until(() -> extractions.rows.count(
                "select count(*) from campaign where id = ? and status = 'running'", campaign.id) == 1);
        UUID run = UUID.randomUUID();
        // What a replica that died during page 4 leaves behind: RUNNING, its lease expired, the cursor at page 4.
        extractions.rows.execute("""
                insert into extraction_run (extraction_id, campaign_id, status, requested_at, started_at, trigger,
                    expected_results, next_page, pages, found, lease_owner, lease_expires_at)
                values (?, ?, 'RUNNING', ?, ?, 'execute', 500, 4, 3, 90, 'dead-replica', ?)""",
                run, campaign.id, Timestamp.from(Instant.now().minusSeconds(600)),
                Timestamp.from(Instant.now().minusSeconds(590)), Timestamp.from(Instant.now().minusSeconds(5)));

        JsonNode done = extractions.awaitFinished(campaign, run);

        assertEquals("COMPLETED", done.path("status").asText(), done.toString());
        // Pages 4 to 20 of the sandbox, added to the 3 the dead replica had committed.
        assertEquals(20, done.path("pages").asInt(), done.toString());
        assertEquals(1L, ((Number) extractions.run(run).get("recoveries")).longValue());
    }

    @Test
    void aRunInterruptedTooOftenFailsWithItsReasonInsteadOfStayingRunning() {
        TestCampaign campaign = TestCampaign.portal("fotocasa", "sale", "724,9,8,0,0,8019,0,0,0", "Barcelona")
                .environment("test").schedule("9", "1", "Europe/Madrid");
        extractions.status(campaign, "running", "draft");
        await().atMost(Extractions.PATIENCE).until(() -> extractions.rows.count(
                "select count(*) from campaign where id = ? and status = 'running'", campaign.id) == 1);
        UUID run = UUID.randomUUID();
        extractions.rows.execute("""
                insert into extraction_run (extraction_id, campaign_id, status, requested_at, started_at, trigger,
                    next_page, recoveries, lease_owner, lease_expires_at)
                values (?, ?, 'RUNNING', ?, ?, 'execute', 2, 3, 'dead-replica', ?)""",
                run, campaign.id, Timestamp.from(Instant.now().minusSeconds(600)),
                Timestamp.from(Instant.now().minusSeconds(590)), Timestamp.from(Instant.now().minusSeconds(5)));

        JsonNode done = extractions.awaitFinished(campaign, run);

        assertEquals("FAILED", done.path("status").asText());
        assertThat(done.path("error").asText(), containsString("interrupted 4 times"));
        assertEquals("FAILED", extractions.runStatus(run));
    }
}
