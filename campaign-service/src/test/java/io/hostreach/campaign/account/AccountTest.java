package io.hostreach.campaign.account;

import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.hostreach.campaign.support.Api.PREFIX;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AccountTest {

    private static final String TOKEN = "EAAGm0PX4ZCpsBAKZAsecret-token-value-123456";

    private static Map<String, Object> cloudAccount() {
        return Map.of("type", "whatsapp", "name", "Ventas", "whatsAppBusinessAccountId", "102290129340398",
                "phoneNumberId", "106540352242922", "token", TOKEN, "phone", "+34 612 34 56 78");
    }

    @Test
    void tokensAreSealedNeverReturnedAndOnlyReadableInternally() {
        String key = Api.testKey();
        String id = Api.as(key).body(cloudAccount()).post(PREFIX + "/accounts").then().statusCode(201)
                .body("phone", equalTo("+34612345678")).body("hasToken", equalTo(true)).body("status", equalTo("connected"))
                .body(not(containsString(TOKEN))).extract().path("id");
        Api.as(key).get(PREFIX + "/accounts").then().statusCode(200).body("total", equalTo(1)).body(not(containsString(TOKEN)));
        assertEquals(0, TestDatabase.count("select count(*) from whatsapp_account where token_sealed like ?", "%" + TOKEN + "%"));
        assertEquals(1, TestDatabase.count("select count(*) from whatsapp_account where id::text = ? and token_sealed like 'v1:%'", id));

        given().get("/internal/v1/accounts/" + id).then().statusCode(401)
                .body("message", equalTo("Invalid or missing internal token"));
        given().header("X-Internal-Token", "test-internal-token").get("/internal/v1/accounts/" + id).then().statusCode(200)
                .body("accessToken", equalTo(TOKEN)).body("phoneNumberId", equalTo("106540352242922"));

        Api.as(Api.testKey()).delete(PREFIX + "/accounts/" + id).then().statusCode(404);
        Api.as(key).delete(PREFIX + "/accounts/" + id).then().statusCode(204);
        Api.as(key).get(PREFIX + "/accounts").then().body("total", equalTo(0));
    }

    @Test
    void aConnectedAccountLetsAWhatsAppCampaignRun() {
        String key = Api.testKey();
        Map<String, Object> campaign = Map.of("platform", "widget", "contactMode", "whatsapp",
                "settings", Map.of("sequence", List.of(Map.of("text", "Hola"))));
        String id = Api.createCampaign(key, campaign);
        Api.setStatus(key, id, "running").statusCode(409);
        Api.as(key).body(cloudAccount()).post(PREFIX + "/accounts").then().statusCode(201);
        Api.setStatus(key, id, "running").statusCode(200);
    }

    @Test
    void usageCountsThisMonthAndShowsEachAccountsDailyLimit() {
        String key = Api.testKey();
        Api.as(key).get(PREFIX + "/usage").then().statusCode(200)
                .body("extractionsRun", equalTo(0)).body("leadsCaptured", equalTo(0)).body("messagesSent", equalTo(0))
                .body("whatsappDailyLimits.size()", equalTo(0));
        Api.as(key).body(Map.of("type", "whatsapp-no-api", "phone", "+34612345670", "dailyLimit", 1000))
                .post(PREFIX + "/accounts").then().statusCode(201);
        String id = Api.createCampaign(key, Api.runnablePortalCampaign());
        Api.setStatus(key, id, "running").statusCode(200);
        Api.as(key).get(PREFIX + "/usage").then().statusCode(200)
                .body("extractionsRun", equalTo(1))
                .body("whatsappDailyLimits[0].dailyLimit", equalTo(1000))
                .body("whatsappDailyLimits[0].phone", equalTo("+34612345670"));
    }

    @Test
    void accountsAreValidated() {
        String key = Api.testKey();
        Api.as(key).body(Map.of("type", "telegram", "phone", "+34612345678")).post(PREFIX + "/accounts").then().statusCode(400)
                .body("message", equalTo("type must be one of whatsapp, whatsapp-no-api"));
        Api.as(key).body(Map.of("type", "whatsapp", "phone", "+34612345678")).post(PREFIX + "/accounts").then().statusCode(400)
                .body("details.field", org.hamcrest.Matchers.hasItems("whatsAppBusinessAccountId", "phoneNumberId", "token"));
        Api.as(key).body(Map.of("type", "whatsapp-no-api", "phone", "612")).post(PREFIX + "/accounts").then().statusCode(400)
                .body("message", equalTo("phone must be a valid number in E.164 format, e.g. +34612345678"));
        Api.as(key).body(Map.of("type", "whatsapp-no-api", "phone", "+34612345678", "evolutionApiUrl", "https://evo.example.com"))
                .post(PREFIX + "/accounts").then().statusCode(400)
                .body("message", equalTo("an Evolution API account needs evolutionApiUrl, evolutionInstanceId and evolutionApiKey"));
        Api.as(key).body(Map.of("type", "whatsapp-no-api", "phone", "+34612345678")).post(PREFIX + "/accounts").then()
                .statusCode(201).body("hasToken", equalTo(false));
    }

    @Test
    void theSameNumberTwiceIsAConflictNotAnError() {
        String key = Api.testKey();
        Api.as(key).body(cloudAccount()).post(PREFIX + "/accounts").then().statusCode(201);
        Api.as(key).body(cloudAccount()).post(PREFIX + "/accounts").then().statusCode(409)
                .body("message", org.hamcrest.Matchers.startsWith("A WhatsApp account with this phoneNumberId is already connected"));
        Api.as(key).get(PREFIX + "/accounts").then().statusCode(200).body("data.size()", equalTo(1));
    }
}
