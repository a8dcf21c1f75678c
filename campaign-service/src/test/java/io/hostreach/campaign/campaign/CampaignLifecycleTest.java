package io.hostreach.campaign.campaign;

import io.hostreach.campaign.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CampaignLifecycleTest {

    private String key;

    @BeforeEach
    void workspace() {
        key = Api.testKey();
    }

    @Test
    void walksEveryAllowedTransitionAndStampsTimes() {
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, id, "running").statusCode(200).body("status", equalTo("running"))
                .body("startedAt", notNullValue()).body("pausedAt", nullValue());
        Api.setStatus(key, id, "paused").statusCode(200).body("status", equalTo("paused")).body("pausedAt", notNullValue());
        Api.setStatus(key, id, "running").statusCode(200).body("status", equalTo("running")).body("pausedAt", nullValue());
        Api.setStatus(key, id, "completed").statusCode(200).body("status", equalTo("completed"))
                .body("completedAt", notNullValue());
        Api.setStatus(key, id, "running").statusCode(409).body("statusCode", equalTo(409))
                .body("error", equalTo("Conflict")).body("message", equalTo("Campaign is completed; completed is final"));
    }

    @Test
    void pausedCanBeCompleted() {
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, id, "running").statusCode(200);
        Api.setStatus(key, id, "paused").statusCode(200);
        Api.setStatus(key, id, "completed").statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void illegalTransitionsAre409NamingTheAllowedOnes() {
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, id, "paused").statusCode(409)
                .body("message", equalTo("Cannot change status from draft to paused; allowed from draft: running"));
        Api.setStatus(key, id, "completed").statusCode(409)
                .body("message", equalTo("Cannot change status from draft to completed; allowed from draft: running"));
        Api.as(key).get(PREFIX + "/campaigns/" + id).then().body("status", equalTo("draft"));
    }

    @Test
    void settingTheSameStatusIsANoOp() {
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        var first = Api.as(key).get(PREFIX + "/campaigns/" + id).then().extract();
        Api.setStatus(key, id, "draft").statusCode(400)
                .body("message", equalTo("status must be one of running, paused, completed"));
        Api.setStatus(key, id, "running").statusCode(200);
        String updatedAt = Api.as(key).get(PREFIX + "/campaigns/" + id).then().extract().path("updatedAt");
        Api.setStatus(key, id, "running").statusCode(200).body("status", equalTo("running"))
                .body("updatedAt", equalTo(updatedAt));
        org.junit.jupiter.api.Assertions.assertNotEquals(first.path("updatedAt"), updatedAt);
    }

    @Test
    void statusBodyIsValidated() {
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.as(key).body(Map.of()).patch(PREFIX + "/campaigns/" + id + "/status").then().statusCode(400)
                .body("message", equalTo("status is required (one of running, paused, completed)"));
        Api.as(key).body(Map.of("status", "running", "force", true)).patch(PREFIX + "/campaigns/" + id + "/status")
                .then().statusCode(400).body("message", equalTo("Unknown field 'force'"));
        Api.as(key).body(Map.of("status", "running")).patch(PREFIX + "/campaigns/not-a-uuid/status")
                .then().statusCode(404).body("message", equalTo("Campaign not found"));
    }

    @Test
    void csvImportNeedsBatchSizeAndScheduleToRun() {
        String id = Api.createCampaign(key, Map.of("platform", "csv_import", "contactMode", "whatsapp-no-api",
                "settings", Map.of("sequence", List.of(Map.of("text", "Hola")))));
        Api.setStatus(key, id, "running").statusCode(409)
                .body("message", containsString("segmentation.batchSize is required before a csv_import campaign can run"))
                .body("details.field", hasItems("segmentation.batchSize", "settings.scheduledHours", "settings.scheduledDays"));
        Api.as(key).body(Map.of("segmentation", Map.of("batchSize", 10),
                        "settings", Map.of("scheduledHours", "9,14:30", "scheduledDays", "1,2,3,4,5")))
                .patch(PREFIX + "/campaigns/" + id).then().statusCode(200);
        Api.setStatus(key, id, "running").statusCode(200);
    }

    @Test
    void portalsNeedOperationAndLocationToRun() {
        String id = Api.createCampaign(key, Map.of("platform", "fotocasa", "mode", "extract_only"));
        Api.setStatus(key, id, "running").statusCode(409)
                .body("details.field", hasItems("segmentation.filters.operation", "segmentation.filters.location"));
    }

    @Test
    void contactingNeedsASequenceAndAWhatsAppAccount() {
        String id = Api.createCampaign(key, Map.of("platform", "idealista", "segmentation",
                Map.of("filters", Map.of("operation", "sale", "location", Map.of("id", "0-EU-ES-28", "label", "Madrid")))));
        Api.setStatus(key, id, "running").statusCode(409)
                .body("details.field", hasItems("settings.sequence", "settings.accountId"));
        Api.as(key).body(Map.of("settings", Map.of("sequence", List.of(Map.of("text", "Hola"))), "contactMode", "whatsapp-no-api"))
                .patch(PREFIX + "/campaigns/" + id).then().statusCode(200);
        Api.setStatus(key, id, "running").statusCode(200);
    }

    @Test
    void templateStepsMustBeApprovedTemplates() {
        // A step naming no template of the workspace is refused when written (see TemplateApiTest); a real one waits for the account.
        String template = Api.as(key).body(Map.of("apiType", "text", "name", "paso_" + System.nanoTime(), "category", "MARKETING",
                "language", "es", "components", List.of(Map.of("type", "BODY", "text", "Hola"))))
                .post(PREFIX + "/templates").then().statusCode(201).extract().path("id");
        String id = Api.createCampaign(key, Map.of("platform", "widget", "contactMode", "whatsapp",
                "settings", Map.of("sequence", List.of(Map.of("templateId", template)))));
        Api.setStatus(key, id, "running").statusCode(409)
                .body("message", containsString("a connected WhatsApp account is required"));
    }

    @Test
    void onlyOneRunningWidgetPerWorkspaceAndEnvironment() {
        Map<String, Object> widget = Map.of("platform", "widget", "contactMode", "whatsapp-no-api",
                "settings", Map.of("sequence", List.of(Map.of("text", "Gracias por escribirnos"))));
        String first = Api.createCampaign(key, widget);
        String second = Api.createCampaign(key, widget);
        Api.setStatus(key, first, "running").statusCode(200);
        Api.setStatus(key, second, "running").statusCode(409)
                .body("message", containsString("another widget campaign is already running in this workspace"));
        Api.setStatus(key, first, "paused").statusCode(200);
        Api.setStatus(key, second, "running").statusCode(200);
        // The other environment of the same workspace is another world.
    }

    @Test
    void updatesFollowTheStatusRules() {
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.as(key).body(Map.of("name", "Renamed", "segmentation", Map.of("expectedResults", 30),
                        "settings", Map.of("dailyCap", 10)))
                .patch(PREFIX + "/campaigns/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("segmentation.expectedResults", equalTo(30))
                .body("segmentation.filters.operation", equalTo("rent"))
                .body("settings.dailyCap", equalTo(10));
        Api.setStatus(key, id, "running").statusCode(200);
        Api.as(key).body(Map.of("name", "Live", "settings", Map.of("dailyCap", 20)))
                .patch(PREFIX + "/campaigns/" + id).then().statusCode(200)
                .body("name", equalTo("Live")).body("settings.dailyCap", equalTo(20));
        Api.as(key).body(Map.of("segmentation", Map.of("expectedResults", 40)))
                .patch(PREFIX + "/campaigns/" + id).then().statusCode(409)
                .body("message", equalTo("A running campaign can only change name and settings.dailyCap; pause it to change segmentation"));
        Api.as(key).body(Map.of("settings", Map.of("timezone", "UTC")))
                .patch(PREFIX + "/campaigns/" + id).then().statusCode(409);
        Api.as(key).body(Map.of("platform", "fotocasa")).patch(PREFIX + "/campaigns/" + id).then().statusCode(409);
        Api.setStatus(key, id, "paused").statusCode(200);
        Api.as(key).body(Map.of("platform", "fotocasa")).patch(PREFIX + "/campaigns/" + id).then().statusCode(400)
                .body("message", equalTo("platform cannot be changed; create a new campaign instead"));
        Api.as(key).body(Map.of("segmentation", Map.of("expectedResults", 0)))
                .patch(PREFIX + "/campaigns/" + id).then().statusCode(400);
        Api.as(key).get(PREFIX + "/campaigns/" + id).then().body("segmentation.expectedResults", equalTo(30));
        Api.setStatus(key, id, "completed").statusCode(200);
        Api.as(key).body(Map.of("name", "Too late")).patch(PREFIX + "/campaigns/" + id).then().statusCode(409)
                .body("message", equalTo("A completed campaign cannot be changed"));
    }

    @Test
    void deletionOnlyForDraftOrCompleted() {
        String draft = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.as(key).delete(PREFIX + "/campaigns/" + draft).then().statusCode(204);
        Api.as(key).get(PREFIX + "/campaigns/" + draft).then().statusCode(404);
        String running = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, running, "running").statusCode(200);
        Api.as(key).delete(PREFIX + "/campaigns/" + running).then().statusCode(409)
                .body("message", equalTo("Only draft or completed campaigns can be deleted; this one is running (complete it first)"));
        Api.setStatus(key, running, "completed").statusCode(200);
        Api.as(key).delete(PREFIX + "/campaigns/" + running).then().statusCode(204);
    }

    @Test
    void executeIsForRunningPortalCampaignsAndReturnsTheActiveJob() {
        String csv = Api.createCampaign(key, Map.of("platform", "csv_import"));
        Api.as(key).post(PREFIX + "/campaigns/" + csv + "/execute").then().statusCode(400)
                .body("message", equalTo("Only portal campaigns can be executed; csv_import campaigns get their leads from CSV imports"));
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.as(key).post(PREFIX + "/campaigns/" + id + "/execute").then().statusCode(409)
                .body("message", equalTo("Campaign must be running to execute; it is draft"));
        Api.setStatus(key, id, "running").statusCode(200);
        String jobId = Api.as(key).post(PREFIX + "/campaigns/" + id + "/execute").then().statusCode(202)
                .body("status", equalTo("QUEUED"))
                .body("campaignId", equalTo(id))
                .body("platform", equalTo("idealista"))
                .body("expectedResults", equalTo(20))
                .extract().path("id");
        Api.as(key).post(PREFIX + "/campaigns/" + id + "/execute").then().statusCode(202).body("id", equalTo(jobId));
    }

    @Test
    void listFiltersPaginatesNewestFirstAndValidatesParameters() {
        String a = Api.createCampaign(key, Api.runnablePortalCampaign());
        String b = Api.createCampaign(key, Map.of("platform", "widget"));
        String c = Api.createCampaign(key, Map.of("platform", "csv_import"));
        Api.setStatus(key, a, "running").statusCode(200);
        Api.as(key).get(PREFIX + "/campaigns").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("limit", equalTo(20))
                .body("data[0].id", equalTo(c)).body("data[2].id", equalTo(a));
        Api.as(key).queryParam("limit", 1).queryParam("page", 2).get(PREFIX + "/campaigns").then()
                .body("data.size()", equalTo(1)).body("data[0].id", equalTo(b)).body("total", equalTo(3));
        Api.as(key).queryParam("status", "running").get(PREFIX + "/campaigns").then()
                .body("total", equalTo(1)).body("data[0].id", equalTo(a));
        Api.as(key).queryParam("platform", "widget").get(PREFIX + "/campaigns").then()
                .body("total", equalTo(1)).body("data[0].id", equalTo(b));
        Api.as(key).queryParam("limit", 101).get(PREFIX + "/campaigns").then().statusCode(400)
                .body("message", equalTo("limit must be a whole number between 1 and 100"));
        Api.as(key).queryParam("page", 0).get(PREFIX + "/campaigns").then().statusCode(400);
        Api.as(key).queryParam("page", "two").get(PREFIX + "/campaigns").then().statusCode(400)
                .body("message", equalTo("page must be a whole number between 1 and 21474836"));
        Api.as(key).queryParam("status", "archived").get(PREFIX + "/campaigns").then().statusCode(400)
                .body("message", equalTo("status must be one of draft, running, paused, completed"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheErrorFormat() {
        Api.as(key).get(PREFIX + "/nothing-here").then().statusCode(404).body("statusCode", equalTo(404));
        Api.as(key).put(PREFIX + "/campaigns").then().statusCode(405).body("statusCode", equalTo(405));
    }
}
