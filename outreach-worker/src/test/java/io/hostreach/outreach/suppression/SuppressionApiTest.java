package io.hostreach.outreach.suppression;

import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.TestAccounts;
import io.hostreach.outreach.support.TestCampaign;
import io.hostreach.outreach.support.TestLead;
import io.hostreach.outreach.support.TestPhones;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The internal suppression list API campaign-service exposes as /suppressions. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class SuppressionApiTest extends QuarkusOutreachTest {

    private static final String PATH = "/internal/v1/workspaces/{workspaceId}/suppressions";

    private static RequestSpecification internal() {
        return given().header("X-Internal-Token", "test-internal-token");
    }

    @Test
    void numbersAreAddedInE164OnceAndListedPerEnvironment() {
        UUID workspace = UUID.randomUUID();
        internal().contentType("application/json").body(Map.of("phone", "0034 612 34 56 78", "reason", "Pidió no ser contactado"))
                .post(PATH, workspace).then().statusCode(201)
                .body("phone", is("+34612345678")).body("reason", is("Pidió no ser contactado"))
                .body("source", is("manual")).body("environment", is("live"));
        // Again, written another way: already there, the first reason stays.
        internal().contentType("application/json").body(Map.of("phone", "+34 612-345-678", "reason", "otra"))
                .post(PATH, workspace).then().statusCode(200).body("reason", is("Pidió no ser contactado"));
        internal().contentType("application/json").body(Map.of("phone", "34612345679"))
                .post(PATH + "?environment=test", workspace).then().statusCode(201).body("environment", is("test"));

        JsonPath live = internal().get(PATH, workspace).then().statusCode(200).extract().jsonPath();
        assertEquals(1, live.getInt("total"));
        assertEquals("+34612345678", live.getString("data[0].phone"));
        JsonPath test = internal().queryParam("environment", "test").get(PATH, workspace).then().statusCode(200).extract().jsonPath();
        assertEquals(1, test.getInt("total"));
        assertEquals("+34612345679", test.getString("data[0].phone"));
        internal().get(PATH, UUID.randomUUID()).then().statusCode(200).body("total", is(0));
    }

    @Test
    void aBatchCheckAnswersWhichNumbersAreSuppressedInThatWorkspaceAndEnvironment() {
        UUID workspace = UUID.randomUUID();
        internal().contentType("application/json").body(Map.of("phone", "+34612000101"))
                .post(PATH + "?environment=test", workspace).then().statusCode(201);
        internal().contentType("application/json").body(Map.of("phone", "+34612000102"))
                .post(PATH + "?environment=live", workspace).then().statusCode(201);
        internal().contentType("application/json").body(Map.of("phone", "+34612000103"))
                .post(PATH + "?environment=test", UUID.randomUUID()).then().statusCode(201);

        // The contract campaign-service's SuppressionCheckClient speaks (its CsvImportTest stands in for it).
        internal().contentType("application/json")
                .body(Map.of("phones", java.util.List.of("+34612000101", "+34612000102", "+34612000103", "+34612000104")))
                .post(PATH + "/check?environment=test", workspace).then().statusCode(200)
                .body("suppressed", org.hamcrest.Matchers.contains("+34612000101"));
        internal().contentType("application/json").body(Map.of("phones", java.util.List.of()))
                .post(PATH + "/check?environment=test", workspace).then().statusCode(200)
                .body("suppressed", org.hamcrest.Matchers.hasSize(0));
        internal().contentType("application/json").body("{}")
                .post(PATH + "/check", workspace).then().statusCode(400);
        given().contentType("application/json").body(Map.of("phones", java.util.List.of("+34612000101")))
                .post(PATH + "/check?environment=test", workspace).then().statusCode(401);
    }

    @Test
    void theListIsPaginated() {
        UUID workspace = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            internal().contentType("application/json").body(Map.of("phone", "+3461100000" + i)).post(PATH, workspace)
                    .then().statusCode(201);
        }
        JsonPath first = internal().queryParam("limit", 2).get(PATH, workspace).then().statusCode(200).extract().jsonPath();
        assertEquals(5, first.getInt("total"));
        assertEquals(2, first.getList("data").size());
        assertEquals(1, first.getInt("page"));
        assertEquals(2, first.getInt("limit"));
        JsonPath last = internal().queryParam("limit", 2).queryParam("page", 3).get(PATH, workspace).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, last.getList("data").size());
        internal().queryParam("limit", 101).get(PATH, workspace).then().statusCode(400);
        internal().queryParam("page", 0).get(PATH, workspace).then().statusCode(400);
    }

    @Test
    void badRequestsAreRefused() {
        UUID workspace = UUID.randomUUID();
        internal().contentType("application/json").body(Map.of("phone", "not a number")).post(PATH, workspace).then().statusCode(400);
        internal().contentType("application/json").body(Map.of("reason", "no phone")).post(PATH, workspace).then().statusCode(400);
        internal().contentType("application/json").body(Map.of("phone", "+34612345678", "reason", "x".repeat(256)))
                .post(PATH, workspace).then().statusCode(400);
        internal().contentType("application/json").body(Map.of("phone", "+34612345678"))
                .post(PATH + "?environment=staging", workspace).then().statusCode(400);
    }

    @Test
    void numbersAreRemovedByPathOrQuery() {
        UUID workspace = UUID.randomUUID();
        internal().contentType("application/json").body(Map.of("phone", "+34612000001")).post(PATH, workspace).then().statusCode(201);
        internal().contentType("application/json").body(Map.of("phone", "+34612000002")).post(PATH, workspace).then().statusCode(201);
        internal().delete(PATH + "/{phone}", workspace, "+34612000001").then().statusCode(204);
        internal().queryParam("phone", "+34612000002").delete(PATH, workspace).then().statusCode(204);
        internal().delete(PATH + "/{phone}", workspace, "+34612000001").then().statusCode(404);
        internal().get(PATH, workspace).then().statusCode(200).body("total", is(0));
    }

    @Test
    void theInternalTokenGuardsEveryEndpoint() {
        UUID workspace = UUID.randomUUID();
        given().get(PATH, workspace).then().statusCode(401);
        given().header("X-Internal-Token", "wrong").get(PATH, workspace).then().statusCode(401);
        given().header("X-Internal-Token", "wrong").contentType("application/json").body(Map.of("phone", "+34612345678"))
                .post(PATH, workspace).then().statusCode(401);
        given().delete(PATH + "/{phone}", workspace, "+34612345678").then().statusCode(401);
        internal().get(PATH, workspace).then().statusCode(200);
        assertEquals(0, rows.count("select count(*) from suppression where workspace_id = ?", workspace));
    }

    @Test
    void suppressingANumberEndsTheSequencesRunningToIt() {
        TestCampaign campaign = fixture.publish(new TestCampaign().account(TestAccounts.cloud(null).id())
                .templateStep(TestAccounts.approved().id(), 0).templateStep(TestAccounts.approved().id(), 48));
        TestLead lead = fixture.capture(new TestLead(campaign, TestPhones.spanishMobile()));
        fixture.awaitMessageStatus(lead, 1, "SENT");
        internal().contentType("application/json").body(Map.of("phone", lead.phone, "reason", "complaint"))
                .post(PATH, campaign.workspaceId).then().statusCode(201);
        assertEquals("SUPPRESSED", fixture.enrolmentStatus(lead));
        assertEquals("CANCELLED", fixture.message(lead, 2).get("status"));
    }
}
