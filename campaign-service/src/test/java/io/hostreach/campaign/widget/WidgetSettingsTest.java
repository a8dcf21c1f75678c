package io.hostreach.campaign.widget;

import io.hostreach.campaign.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.hostreach.campaign.support.Api.PREFIX;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class WidgetSettingsTest {

    @Test
    void theWorkspaceManagesItsOriginsConsentTextAndKey() {
        Api.Workspace workspace = Api.newWorkspace();
        String key = Api.newKey(workspace.id(), "live");
        String readOnly = Api.newKey(workspace.id(), "live", "leads:read");
        Api.as(readOnly).get(PREFIX + "/me/widget").then().statusCode(200)
                .body("widgetKey", equalTo(workspace.widgetKey()))
                .body("widgetKey", matchesPattern("wk_[0-9a-f]{32}"))
                .body("allowedOrigins.size()", equalTo(0))
                .body("consentText", equalTo(WidgetSettings.DEFAULT_CONSENT_TEXT));
        Api.as(readOnly).body(Map.of("allowedOrigins", List.of("https://a.example"))).patch(PREFIX + "/me/widget").then()
                .statusCode(403).body("message", containsString("campaigns:write"));
        given().get(PREFIX + "/me/widget").then().statusCode(401);

        Api.as(key).body(Map.of("allowedOrigins", List.of("https://WWW.Agencia.example/", "http://localhost:8080",
                        "https://www.agencia.example"), "consentText", "Acepto que me contacten."))
                .patch(PREFIX + "/me/widget").then().statusCode(200)
                .body("allowedOrigins", equalTo(List.of("https://www.agencia.example", "http://localhost:8080")))
                .body("consentText", equalTo("Acepto que me contacten."));
        Api.admin().get("/admin/v1/workspaces/" + workspace.id() + "/widget").then().statusCode(200)
                .body("allowedOrigins.size()", equalTo(2));
        // The widget shows the workspace's consent text, read through the intake's CORS.
        given().header("Origin", "http://localhost:8080").get(WidgetFixture.INTAKE + workspace.widgetKey() + "/config")
                .then().statusCode(200).body("consentText", equalTo("Acepto que me contacten."))
                .header("Access-Control-Allow-Origin", "http://localhost:8080");

        Map<String, Object> bad = new HashMap<>();
        bad.put("allowedOrigins", List.of("https://ok.example", "https://x.example/path", "ftp://x.example", "*"));
        bad.put("colour", "red");
        Api.as(key).body(bad).patch(PREFIX + "/me/widget").then().statusCode(400)
                .body("details.field", equalTo(List.of("colour", "allowedOrigins[1]", "allowedOrigins[2]", "allowedOrigins[3]")));
        Api.as(key).body(Map.of("allowedOrigins", "https://a.example")).patch(PREFIX + "/me/widget").then().statusCode(400)
                .body("message", containsString("must be an array"));
        Map<String, Object> reset = new HashMap<>();
        reset.put("consentText", null);
        Api.as(key).body(reset).patch(PREFIX + "/me/widget").then().statusCode(200)
                .body("consentText", equalTo(WidgetSettings.DEFAULT_CONSENT_TEXT))
                .body("allowedOrigins.size()", equalTo(2));

        // Rotation: the old key stops working at once.
        String rotated = Api.as(key).post(PREFIX + "/me/widget/rotate-key").then().statusCode(200)
                .body("widgetKey", not(equalTo(workspace.widgetKey()))).extract().path("widgetKey");
        given().get(WidgetFixture.INTAKE + workspace.widgetKey() + "/config").then().statusCode(404);
        given().get(WidgetFixture.INTAKE + rotated + "/config").then().statusCode(200);
        String again = Api.admin().post("/admin/v1/workspaces/" + workspace.id() + "/widget/rotate-key").then().statusCode(200)
                .extract().path("widgetKey");
        given().get(WidgetFixture.INTAKE + rotated + "/config").then().statusCode(404);
        Api.as(key).get(PREFIX + "/me/widget").then().body("widgetKey", equalTo(again));
        given().get("/admin/v1/workspaces/" + workspace.id() + "/widget").then().statusCode(401);
    }

    @Test
    void theScriptAndTheDemoPageAreServed() {
        given().get("/widget.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Content-Length", matchesPattern("\\d+"))
                .body(containsString("data-widget-key"));
        int size = given().get("/widget.js").then().extract().asByteArray().length;
        org.hamcrest.MatcherAssert.assertThat(size, lessThan(15 * 1024));
        given().get("/widget/demo.html").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/widget.js"));
    }
}
