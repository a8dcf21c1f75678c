package io.hostreach.campaign.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.OutreachWorkerStub;
import io.hostreach.campaign.support.TestDatabase;
import io.hostreach.testing.EventContract;
import io.hostreach.testing.InjectKafka;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.hostreach.campaign.support.Api.PREFIX;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /campaigns/{id}/leads/import} through the real API, database and broker. */
@QuarkusTest
@WithTestResource(value = OutreachWorkerStub.class, scope = TestResourceScope.GLOBAL)
class CsvImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKafka
    KafkaCompanion kafka;

    @ConfigProperty(name = "hostreach.topics.lead-events")
    String leadTopic;

    private String key;
    private String workspace;

    @BeforeEach
    void workspace() {
        Api.Workspace ws = Api.newWorkspace();
        workspace = ws.id();
        key = Api.newKey(workspace, "test");
        suppressed(); // nothing suppressed unless a test says so
    }

    /** What outreach-worker answers for this workspace: these numbers are on its suppression list. */
    private void suppressed(String... phones) {
        OutreachWorkerStub.server().stubFor(post(urlPathEqualTo("/internal/v1/workspaces/" + workspace + "/suppressions/check"))
                .withQueryParam("environment", equalTo("test"))
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json(Map.of("suppressed", List.of(phones))))));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String csvCampaign() {
        return Api.createCampaign(key, Map.of("platform", "csv_import", "name", "Owners list",
                "contactMode", "whatsapp-no-api",
                "segmentation", Map.of("batchSize", 10),
                "settings", Map.of("scheduledHours", "9,14:30", "scheduledDays", "1,2,3,4,5",
                        "sequence", List.of(Map.of("text", "Hola {{name}}", "delayHours", 0)))));
    }

    private ValidatableResponse upload(String campaign, String contentType, byte[] body, String query) {
        return Api.as(key).contentType(contentType).body(body)
                .post(PREFIX + "/campaigns/" + campaign + "/leads/import" + query).then();
    }

    private ValidatableResponse upload(String campaign, String csv) {
        return upload(campaign, "text/csv", csv.getBytes(StandardCharsets.UTF_8), "");
    }

    private static long leads(String campaign) {
        return TestDatabase.count("select count(*) from lead where campaign_id = ?::uuid", campaign);
    }

    private static long events(String campaign) {
        return TestDatabase.count("select count(*) from outbox_event where message_key = ? and event_type = 'io.hostreach.lead.captured'",
                campaign);
    }

    @Test
    void importsNormalisedLeadsWithAttributesAndReportsEveryOtherRow() throws Exception {
        String campaign = csvCampaign();
        suppressed("+34633333333");
        ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(leadTopic);
        // BOM, semicolons, a quoted field with the delimiter and a newline, an extra column, odd spacing.
        String csv = "\uFEFFPhone;Name;email;notes;Barrio\n"
                + "612 345 678;Carmen;carmen@example.com;\"Llamar; por la tarde\nsolo laborables\";Ruzafa\n"
                + "+34 623 456 789;Jordi;;;Gràcia\n"
                + "0034612345678;Carmen again;;;\n"                 // same number as row 2: duplicate in the file
                + "12345;Too short;;;\n"                            // invalid phone
                + ";No phone;;;\n"                                  // missing phone
                + "644444444;Bad mail;not-an-email;;\n"             // invalid email
                + "633333333;Suppressed;;;\n"                       // on the suppression list
                + "\n"                                              // blank line: not a row
                + "655555555;Pre-existing;;;\n";
        // A lead of the workspace with the last number already exists: a duplicate against existing leads.
        upload(csvCampaign(), "phone\n655555555\n").statusCode(200).body("imported", is(1));

        upload(campaign, csv).statusCode(200)
                .body("total", is(8))
                .body("imported", is(2))
                .body("duplicates", is(2))
                .body("suppressed", is(1))
                .body("invalid", hasSize(3))
                .body("invalid[0].row", is(5)).body("invalid[0].reason", containsString("12345"))
                .body("invalid[1].row", is(6)).body("invalid[1].reason", containsString("phone is missing"))
                .body("invalid[2].row", is(7)).body("invalid[2].reason", containsString("email"));

        assertEquals(2, leads(campaign));
        String carmen = Api.as(key).get(PREFIX + "/leads?campaignId=" + campaign + "&q=Carmen").then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].phone", is("+34612345678"))
                .body("data[0].email", is("carmen@example.com"))
                .body("data[0].source", is("csv"))
                .body("data[0].status", is("PENDING"))
                .extract().path("data[0].id");
        Api.as(key).get(PREFIX + "/leads/" + carmen + "/notes").then().statusCode(200)
                .body("data[0].content", is("Llamar; por la tarde\nsolo laborables"));

        // Each new lead is announced as lead.captured on lead-events, keyed by campaign, as the contract says.
        await().atMost(Duration.ofSeconds(15)).until(() -> recordsFor(records, campaign).size() == 2);
        for (ConsumerRecord<String, String> r : recordsFor(records, campaign)) {
            assertEquals(List.of(), EventContract.load().violations(r.value()), r.value());
            JsonNode data = JSON.readTree(r.value()).path("data");
            assertEquals("csv", data.path("source").asText());
            assertEquals(workspace, data.path("workspaceId").asText());
            if (data.path("phone").asText().equals("+34612345678")) {
                assertEquals("Ruzafa", data.path("attributes").path("Barrio").asText());
                assertEquals(carmen, data.path("leadId").asText());
            } else {
                assertEquals("+34623456789", data.path("phone").asText());
                assertEquals("Gràcia", data.path("attributes").path("Barrio").asText());
            }
        }
        records.close();
        // campaign-service's own consumer skips what it announced itself: the lead is not counted twice.
        assertEquals(1, TestDatabase.count("select captured_count from lead where id = ?::uuid", carmen));
    }

    private static List<ConsumerRecord<String, String>> recordsFor(ConsumerTask<String, String> records, String campaign) {
        return records.getRecords().stream().filter(r -> campaign.equals(r.key())).toList();
    }

    @Test
    void aMultipartUploadWithCommasWorksTheSameAndWebhooksGetLeadsImported() {
        Api.as(key).body(Map.of("url", "http://127.0.0.1:9/hooks", "secret", "whsec-0123456789abcdef", "name", "CRM",
                "events", List.of("leads.imported"))).post(PREFIX + "/webhooks").then().statusCode(201);
        String campaign = csvCampaign();
        Api.as(key).contentType("multipart/form-data")
                .multiPart("file", "leads.csv", "phone,name\n+34 612 000 001,Ana\n\"612000002\",\"Luis, el del 3º\"\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(PREFIX + "/campaigns/" + campaign + "/leads/import").then().statusCode(200)
                .body("total", is(2)).body("imported", is(2)).body("invalid", hasSize(0));
        Api.as(key).get(PREFIX + "/leads?campaignId=" + campaign + "&q=Luis").then().body("data[0].name", is("Luis, el del 3º"));
        // Imported leads are announced to webhooks like any captured lead: one leads.imported for the batch.
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDatabase.count("select count(*) from webhook_delivery d "
                + "join webhook_subscription s on s.id = d.subscription_id where s.workspace_id = ?::uuid "
                + "and d.event_type = 'leads.imported' and d.payload like ? and d.payload like '%\"count\":2%'",
                workspace, "%" + campaign + "%") == 1);
    }

    @Test
    void aDryRunReportsTheSameButStoresAndAnnouncesNothing() {
        String campaign = csvCampaign();
        suppressed("+34612000003");
        String csv = "phone,name\n612000001,A\n612000002,B\n612000001,A again\n612000003,S\nxx,bad\n";
        upload(campaign, "text/csv", csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true").statusCode(200)
                .body("total", is(5)).body("imported", is(2)).body("duplicates", is(1)).body("suppressed", is(1))
                .body("invalid", hasSize(1));
        assertEquals(0, leads(campaign));
        assertEquals(0, events(campaign));
        // The real import afterwards does what the dry run said.
        upload(campaign, csv).statusCode(200).body("imported", is(2));
        assertEquals(2, leads(campaign));
        assertEquals(2, events(campaign));
        upload(campaign, csv, "?dryRun=maybe").statusCode(400).body("message", containsString("dryRun"));
    }

    private ValidatableResponse upload(String campaign, String csv, String query) {
        return upload(campaign, "text/csv", csv.getBytes(StandardCharsets.UTF_8), query);
    }

    @Test
    void everyMalformedFileIsA400InTheSpecsFormatAndChangesNothing() {
        String campaign = csvCampaign();
        upload(campaign, "").statusCode(400).body("statusCode", is(400)).body("error", is("Bad Request"))
                .body("message", containsString("empty"));
        upload(campaign, "\uFEFF\n\n").statusCode(400).body("message", containsString("empty"));
        // No header: the first row is data, so there is no phone column.
        upload(campaign, "+34612000001,Carmen\n+34612000002,Jordi\n").statusCode(400)
                .body("message", containsString("no phone column"));
        upload(campaign, "name,email\nCarmen,c@example.com\n").statusCode(400).body("message", containsString("no phone column"));
        upload(campaign, "phone,,email\n612000001,x,c@example.com\n").statusCode(400).body("message", containsString("no name"));
        upload(campaign, "phone,name,Phone\n612000001,x,y\n").statusCode(400).body("message", containsString("twice"));
        // Latin-1, not UTF-8.
        upload(campaign, "text/csv", "phone,name\n612000001,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), "")
                .statusCode(400).body("message", containsString("UTF-8"));
        upload(campaign, "phone,name\n612000001,\"Carmen\n612000002,Jordi\n").statusCode(400)
                .body("message", containsString("never closed"));
        Api.as(key).contentType("application/json").body("{\"phone\":\"612000001\"}")
                .post(PREFIX + "/campaigns/" + campaign + "/leads/import").then().statusCode(415)
                .body("statusCode", is(415)).body("message", containsString("text/csv"));
        upload(campaign, "text/plain", "phone\n612000001\n".getBytes(StandardCharsets.UTF_8), "").statusCode(415);
        upload(campaign, "garbage", "phone\n612000001\n".getBytes(StandardCharsets.UTF_8), "").statusCode(415)
                .body("statusCode", is(415)).body("message", containsString("is not a media type"));
        Api.as(key).contentType("multipart/form-data").multiPart("other", "x.csv", "phone\n612000001\n".getBytes(StandardCharsets.UTF_8))
                .post(PREFIX + "/campaigns/" + campaign + "/leads/import").then().statusCode(400)
                .body("message", containsString("file"));
        assertEquals(0, leads(campaign));
        assertEquals(0, events(campaign));
    }

    @Test
    void onlyCsvImportCampaignsInDraftRunningOrPausedTakeImports() {
        String portal = Api.createCampaign(key, Api.runnablePortalCampaign());
        upload(portal, "phone\n612000001\n").statusCode(400).body("message", containsString("csv_import"));
        String campaign = csvCampaign();
        Api.setStatus(key, campaign, "running").statusCode(200);
        upload(campaign, "phone\n612000001\n").statusCode(200).body("imported", is(1));
        Api.setStatus(key, campaign, "paused").statusCode(200);
        upload(campaign, "phone\n612000002\n").statusCode(200).body("imported", is(1));
        Api.setStatus(key, campaign, "completed").statusCode(200);
        upload(campaign, "phone\n612000003\n").statusCode(409).body("statusCode", is(409));
        assertEquals(2, leads(campaign));
        upload(UUID.randomUUID().toString(), "phone\n612000004\n").statusCode(404);
        // Another workspace's key does not see the campaign.
        Api.as(Api.testKey()).contentType("text/csv").body("phone\n612000005\n")
                .post(PREFIX + "/campaigns/" + campaign + "/leads/import").then().statusCode(404);
    }

    @Test
    void outreachWorkerDownIsA503AndNothingIsImported() {
        String campaign = csvCampaign();
        OutreachWorkerStub.server().stubFor(post(urlPathEqualTo("/internal/v1/workspaces/" + workspace + "/suppressions/check"))
                .willReturn(aResponse().withStatus(503)));
        upload(campaign, "phone\n612000001\n").statusCode(503).body("statusCode", is(503))
                .body("message", containsString("nothing was imported"));
        assertEquals(0, leads(campaign));
        assertEquals(0, events(campaign));
    }

    @Test
    void aFileAbove10MbIsA413InTheSpecsFormat() {
        String campaign = csvCampaign();
        byte[] big = new byte[10 * 1024 * 1024 + 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        System.arraycopy("phone\n".getBytes(StandardCharsets.UTF_8), 0, big, 0, 6);
        upload(campaign, "text/csv", big, "").statusCode(413).body("statusCode", is(413))
                .body("error", is("Payload Too Large")).body("message", containsString("10 MB"));
        assertEquals(0, leads(campaign));
        // JSON endpoints are unaffected by the larger limit.
        Api.as(key).get(PREFIX + "/campaigns/" + campaign).then().statusCode(200);
    }

    @Test
    void fiftyThousandRowsAreImported() {
        String campaign = csvCampaign();
        StringBuilder csv = new StringBuilder("phone,name,email,city\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("+3461").append(String.format("%07d", i)).append(",Owner ").append(i)
                    .append(",owner").append(i).append("@example.com,Valencia\n");
        }
        upload(campaign, csv.toString()).statusCode(200).body("total", is(50_000)).body("imported", is(50_000))
                .body("invalid", hasSize(0));
        assertEquals(50_000, leads(campaign));
        assertEquals(50_000, events(campaign));
        assertTrue(TestDatabase.count("select count(*) from lead where campaign_id = ?::uuid and attributes like '%Valencia%'",
                campaign) == 50_000);
        // The relay and the leads.imported batcher would spend the next minute on these 50,000 in this shared
        // test service: the other test classes' events must not queue behind them.
        TestDatabase.update("delete from outbox_event where message_key = ? and published_at is null", campaign);
        TestDatabase.update("update lead set announced_at = now() where campaign_id = ?::uuid and announced_at is null", campaign);
    }
}
