package io.hostreach.campaign.compliance;

import io.hostreach.campaign.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class LawfulBasisTest {

    private static final String STATEMENT = "We contact private advertisers once about their own listing and honour opt-outs.";

    private String workspace;
    private String liveKey;

    @BeforeEach
    void workspace() {
        workspace = Api.newWorkspace().id();
        liveKey = Api.newKey(workspace, "live");
    }

    private static Map<String, Object> liveContactingPortalCampaign() {
        return Map.of("platform", "idealista", "name", "Valencia rent", "mode", "extract_and_contact",
                "contactMode", "whatsapp-no-api",
                "segmentation", Map.of("filters", Map.of("operation", "rent",
                        "location", Map.of("id", "0-EU-ES-46", "label", "Valencia")), "expectedResults", 20),
                "settings", Map.of("sequence", List.of(Map.of("text", "Hola {{1}}, ¿sigue disponible su piso?"))));
    }

    private static Map<String, Object> attestation(String basis) {
        return Map.of("basis", basis, "statement", STATEMENT, "attestedBy", "Ana García, DPO");
    }

    @Test
    void aLiveContactingPortalCampaignWaitsForTheWorkspacesLawfulBasis() {
        String id = Api.createCampaign(liveKey, liveContactingPortalCampaign());
        Api.setStatus(liveKey, id, "running").statusCode(409)
                .body("message", containsString("POST /compliance/lawful-basis"))
                .body("details.field", hasItem("lawfulBasis"));
        Api.as(liveKey).get(PREFIX + "/campaigns/" + id).then().body("status", equalTo("draft"));

        Api.as(liveKey).body(attestation("legitimate_interest")).post(PREFIX + "/compliance/lawful-basis").then()
                .statusCode(201).body("basis", equalTo("legitimate_interest")).body("environment", equalTo("live"))
                .body("attestedBy", equalTo("Ana García, DPO")).body("apiKeyId", notNullValue());
        Api.setStatus(liveKey, id, "running").statusCode(200).body("status", equalTo("running"));
    }

    @Test
    void extractOnlyAndTestModeCampaignsNeedNoAttestation() {
        Api.setStatus(liveKey, Api.createCampaign(liveKey, Api.runnablePortalCampaign()), "running").statusCode(200);
        String testKey = Api.newKey(workspace, "test");
        Api.setStatus(testKey, Api.createCampaign(testKey, liveContactingPortalCampaign()), "running").statusCode(200);
    }

    @Test
    void anAttestationOfTheTestEnvironmentDoesNotCoverLiveCampaigns() {
        String testKey = Api.newKey(workspace, "test");
        Api.as(testKey).body(attestation("consent")).post(PREFIX + "/compliance/lawful-basis").then().statusCode(201);
        String id = Api.createCampaign(liveKey, liveContactingPortalCampaign());
        Api.setStatus(liveKey, id, "running").statusCode(409);
        Api.as(liveKey).get(PREFIX + "/compliance/lawful-basis").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void theHistoryKeepsEveryAttestationNewestFirst() {
        Api.as(liveKey).body(attestation("legitimate_interest")).post(PREFIX + "/compliance/lawful-basis").then().statusCode(201);
        Api.as(liveKey).body(attestation("consent")).post(PREFIX + "/compliance/lawful-basis").then().statusCode(201);
        Api.as(liveKey).get(PREFIX + "/compliance/lawful-basis").then().statusCode(200)
                .body("data.size()", equalTo(2)).body("data[0].basis", equalTo("consent"))
                .body("data[1].basis", equalTo("legitimate_interest"));
        // Another workspace sees none of it.
        Api.as(Api.newKey(Api.newWorkspace().id(), "live")).get(PREFIX + "/compliance/lawful-basis").then()
                .body("data.size()", equalTo(0));
    }

    @Test
    void badAttestationsAreRefusedAndStoreNothing() {
        Api.as(liveKey).body(Map.of("basis", "because", "statement", STATEMENT, "attestedBy", "x"))
                .post(PREFIX + "/compliance/lawful-basis").then().statusCode(400)
                .body("message", equalTo("basis must be one of legitimate_interest, consent, contract"));
        Api.as(liveKey).body(Map.of("basis", "consent", "statement", "too short", "attestedBy", "x"))
                .post(PREFIX + "/compliance/lawful-basis").then().statusCode(400)
                .body("message", equalTo("statement must be between 20 and 4000 characters"));
        Api.as(liveKey).body(Map.of("statement", STATEMENT)).post(PREFIX + "/compliance/lawful-basis").then()
                .statusCode(400).body("details.field", hasItem("basis")).body("details.field", hasItem("attestedBy"));
        Api.as(liveKey).body(Map.of("basis", "consent", "statement", STATEMENT, "attestedBy", "x", "extra", 1))
                .post(PREFIX + "/compliance/lawful-basis").then().statusCode(400);
        Api.as(liveKey).body(Map.of("basis", 7, "statement", STATEMENT, "attestedBy", "x"))
                .post(PREFIX + "/compliance/lawful-basis").then().statusCode(400);
        Api.as(liveKey).get(PREFIX + "/compliance/lawful-basis").then().body("data.size()", equalTo(0));
    }

    @Test
    void needsTheComplianceScope() {
        String readOnly = Api.newKey(workspace, "live", "compliance:read");
        Api.as(readOnly).body(attestation("consent")).post(PREFIX + "/compliance/lawful-basis").then().statusCode(403)
                .body("message", equalTo("This API key does not have the required scope: compliance:write"));
        Api.as(readOnly).get(PREFIX + "/compliance/lawful-basis").then().statusCode(200);
    }
}
