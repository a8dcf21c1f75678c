package io.hostreach.campaign.widget;

import io.hostreach.campaign.support.Api;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** A workspace whose widget may post from {@link #ORIGIN}, with a live key; posts carry a fresh client address. */
final class WidgetFixture {

    static final String ORIGIN = "https://www.agenciasol.es";
    static final String INTAKE = Api.PREFIX + "/widget/";

    final String workspaceId;
    final String widgetKey;
    final String liveKey;

    WidgetFixture() {
        Api.Workspace workspace = Api.newWorkspace();
        this.workspaceId = workspace.id();
        this.widgetKey = workspace.widgetKey();
        this.liveKey = Api.newKey(workspaceId, "live");
        Api.admin().body(Map.of("allowedOrigins", List.of(ORIGIN, "http://localhost:3000")))
                .patch("/admin/v1/workspaces/" + workspaceId + "/widget").then().statusCode(200);
    }

    /** A widget campaign of the live environment, contacting by manual tasks so it needs no account. */
    String widgetCampaign(String key) {
        return Api.createCampaign(key, Map.of("platform", "widget", "name", "Website inbound",
                "contactMode", "whatsapp-no-api", "settings", Map.of("sequence", List.of(Map.of("text", "Hola {{1}}")))));
    }

    String runningWidgetCampaign() {
        String id = widgetCampaign(liveKey);
        Api.setStatus(liveKey, id, "running").statusCode(200);
        return id;
    }

    static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static String randomMobile() {
        return "6" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    static Map<String, Object> lead(String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Carmen López");
        body.put("phone", phone);
        body.put("email", "carmen@example.com");
        body.put("message", "Quiero vender mi piso en Ruzafa");
        body.put("consent", true);
        body.put("pageUrl", ORIGIN + "/vender?utm=1");
        return body;
    }

    ValidatableResponse post(Object body) {
        return post(widgetKey, ORIGIN, randomIp(), body);
    }

    static ValidatableResponse post(String widgetKey, String origin, String ip, Object body) {
        var request = given().contentType(ContentType.JSON).header("X-Forwarded-For", ip).body(body);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.post(INTAKE + widgetKey + "/leads").then();
    }
}
