package io.hostreach.campaign.template;

import io.hostreach.campaign.support.Api;
import io.hostreach.campaign.support.InjectGraphApi;
import io.quarkus.test.junit.QuarkusTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.hostreach.campaign.support.Api.PREFIX;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Templates through the public API: the rules, duplicates, isolation, scopes, and the internal read. */
@QuarkusTest
class TemplateApiTest {

    @InjectGraphApi
    WireMockServer graph;

    static Map<String, Object> text(String name) {
        return new HashMap<>(Map.of("apiType", "text", "name", name, "category", "MARKETING", "language", "es",
                "components", List.of(Map.of("type", "BODY", "text", "Hola {{1}}, ¿sigue disponible el piso de {{2}}?")),
                "variables", List.of("name", "listing.city")));
    }

    static Map<String, Object> meta(String name) {
        Map<String, Object> body = new HashMap<>(Map.of("apiType", "meta-api", "platform", "idealista", "name", name,
                "category", "MARKETING", "language", "es_ES",
                "components", List.of(Map.of("type", "HEADER", "format", "TEXT", "text", "Tu anuncio"),
                        Map.of("type", "BODY", "text", "Hola {{1}}, he visto \"{{2}}\" por {{3}} €. ¿Hablamos?"),
                        Map.of("type", "FOOTER", "text", "Responde BAJA para no recibir más mensajes"),
                        Map.of("type", "BUTTONS", "buttons", List.of(Map.of("type", "QUICK_REPLY", "text", "Baja")))),
                "variables", List.of("name", "listing.title", "listing.price")));
        return body;
    }

    private static ValidatableResponse create(String key, Map<String, Object> body) {
        return Api.as(key).body(body).post(PREFIX + "/templates").then();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    @Test
    void aTextTemplateIsUsableAtOnceAndCanBeReadChangedAndDeleted() {
        String key = Api.testKey();
        String id = create(key, text("seguimiento_1")).statusCode(201)
                .body("apiType", equalTo("text")).body("status", equalTo("APPROVED")).body("statusReason", nullValue())
                .body("metaTemplateId", nullValue()).body("name", equalTo("seguimiento_1")).body("language", equalTo("es"))
                .body("components[0].type", equalTo("BODY")).body("variables", equalTo(List.of("name", "listing.city")))
                .extract().path("id");
        Api.as(key).get(PREFIX + "/templates/" + id).then().statusCode(200).body("category", equalTo("MARKETING"));

        Api.as(key).body(Map.of("variables", List.of("name", "listing.title"), "category", "UTILITY"))
                .patch(PREFIX + "/templates/" + id).then().statusCode(200)
                .body("variables", equalTo(List.of("name", "listing.title"))).body("category", equalTo("UTILITY"))
                .body("components[0].text", equalTo("Hola {{1}}, ¿sigue disponible el piso de {{2}}?"));
        // New components alone keep the variables when the placeholders still match, else the rule names the gap.
        Api.as(key).body(Map.of("components", List.of(Map.of("type", "BODY", "text", "Buenas {{1}}: ¿{{2}}?"))))
                .patch(PREFIX + "/templates/" + id).then().statusCode(200).body("components[0].text", equalTo("Buenas {{1}}: ¿{{2}}?"));
        Api.as(key).body(Map.of("components", List.of(Map.of("type", "BODY", "text", "Buenas {{1}}"))))
                .patch(PREFIX + "/templates/" + id).then().statusCode(400)
                .body("message", equalTo("variables must name one lead field per placeholder: the BODY has 1 ({{1}}..{{1}}) and variables has 2"));
        Api.as(key).body(Map.of("apiType", "meta-api")).patch(PREFIX + "/templates/" + id).then().statusCode(400)
                .body("message", equalTo("apiType cannot change; create a new template"));
        Api.as(key).body(Map.of("nombre", "x")).patch(PREFIX + "/templates/" + id).then().statusCode(400)
                .body("message", equalTo("Unknown field 'nombre'"));

        Api.as(key).delete(PREFIX + "/templates/" + id).then().statusCode(204);
        Api.as(key).get(PREFIX + "/templates/" + id).then().statusCode(404).body("message", equalTo("Template not found"));
        Api.as(key).delete(PREFIX + "/templates/" + id).then().statusCode(404);
    }

    @Test
    void aTestModeMetaTemplateIsApprovedByTheSandboxAndNeverSentToMeta() {
        String key = Api.testKey();
        int before = graph.findAll(anyRequestedFor(urlPathMatching(".*"))).size();
        create(key, meta("captacion_sandbox")).statusCode(201)
                .body("status", equalTo("APPROVED")).body("statusReason", containsString("sandbox"))
                .body("metaTemplateId", nullValue())
                // Meta needs sample values for a body with variables: lead-like ones are added.
                .body("components[1].example.body_text[0]", equalTo(List.of("Carmen", "Piso en Ruzafa", "950")))
                .body("components[3].buttons[0].text", equalTo("Baja"));
        assertEquals(before, graph.findAll(anyRequestedFor(urlPathMatching(".*"))).size());
    }

    @Test
    void listsArePaginatedFilteredAndNewestFirst() {
        String key = Api.testKey();
        create(key, text("uno")).statusCode(201);
        create(key, meta("dos")).statusCode(201);
        create(key, text("tres")).statusCode(201);
        Api.as(key).get(PREFIX + "/templates?limit=2").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("limit", equalTo(2))
                .body("data.name", equalTo(List.of("tres", "dos")));
        Api.as(key).get(PREFIX + "/templates?apiType=text").then().body("total", equalTo(2));
        Api.as(key).get(PREFIX + "/templates?apiType=meta-api&status=APPROVED").then().body("data.name", equalTo(List.of("dos")));
        Api.as(key).get(PREFIX + "/templates?status=PENDING").then().body("total", equalTo(0));
        Api.as(key).get(PREFIX + "/templates?status=approved").then().statusCode(400)
                .body("message", equalTo("status must be one of PENDING, APPROVED, REJECTED, PAUSED, DISABLED, ERROR"));
        Api.as(key).get(PREFIX + "/templates?apiType=whatsapp").then().statusCode(400)
                .body("message", equalTo("apiType must be one of meta-api, text"));
        Api.as(key).get(PREFIX + "/templates?limit=101").then().statusCode(400);
    }

    @Test
    void aNameAndLanguageAreUniquePerWorkspaceAndEnvironment() {
        String workspace = Api.newWorkspace().id();
        String test = Api.newKey(workspace, "test");
        create(test, text("bienvenida")).statusCode(201);
        create(test, text("bienvenida")).statusCode(409)
                .body("message", equalTo("A template named bienvenida in language es already exists in this workspace"));
        create(test, with(text("bienvenida"), "language", "es_MX")).statusCode(201);
        // Live data is another world: the same name is free there.
        String live = Api.newKey(workspace, "live");
        create(live, text("bienvenida")).statusCode(201);
        String other = create(test, text("otra")).statusCode(201).extract().path("id");
        Api.as(test).body(Map.of("name", "bienvenida")).patch(PREFIX + "/templates/" + other).then().statusCode(409);
        Api.as(test).get(PREFIX + "/templates").then().body("total", equalTo(3));
        Api.as(test).get(PREFIX + "/templates/" + other).then().body("name", equalTo("otra"));
        Api.as(live).get(PREFIX + "/templates").then().body("total", equalTo(1));
    }

    @Test
    void workspacesAndEnvironmentsNeverSeeEachOthersTemplates() {
        String workspace = Api.newWorkspace().id();
        String test = Api.newKey(workspace, "test");
        String live = Api.newKey(workspace, "live");
        String stranger = Api.testKey();
        String id = create(test, text("privada")).statusCode(201).extract().path("id");
        for (String key : List.of(live, stranger)) {
            Api.as(key).get(PREFIX + "/templates/" + id).then().statusCode(404);
            Api.as(key).body(Map.of("category", "UTILITY")).patch(PREFIX + "/templates/" + id).then().statusCode(404);
            Api.as(key).delete(PREFIX + "/templates/" + id).then().statusCode(404);
            Api.as(key).get(PREFIX + "/templates").then().statusCode(200).body("total", equalTo(0));
        }
        Api.as(test).get(PREFIX + "/templates/" + id).then().statusCode(200).body("category", equalTo("MARKETING"));
        Api.as(test).get(PREFIX + "/templates/not-a-uuid").then().statusCode(404);
    }

    @Test
    void scopesAreTemplatesReadAndWrite() {
        String workspace = Api.newWorkspace().id();
        String reader = Api.newKey(workspace, "test", "templates:read");
        String writer = Api.newKey(workspace, "test", "templates:write");
        create(reader, text("leer")).statusCode(403)
                .body("message", equalTo("This API key does not have the required scope: templates:write"));
        String id = create(writer, text("escribir")).statusCode(201).extract().path("id");
        Api.as(writer).get(PREFIX + "/templates").then().statusCode(403)
                .body("message", equalTo("This API key does not have the required scope: templates:read"));
        Api.as(reader).get(PREFIX + "/templates/" + id).then().statusCode(200);
        Api.as(reader).delete(PREFIX + "/templates/" + id).then().statusCode(403);
        given().get(PREFIX + "/templates").then().statusCode(401);
    }

    @Test
    void everyRuleIsCheckedAndNamed() {
        String key = Api.testKey();
        String component = "components[0]";
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(with(text("x"), "apiType", null), "apiType is required (meta-api or text)");
        cases.put(with(text("x"), "apiType", "sms"), "apiType must be one of meta-api, text");
        cases.put(with(text("x"), "name", null), "name is required");
        cases.put(with(text("x"), "name", "Captación Vendedor"), "name must be 1 to 512 lowercase letters, digits or underscores (Meta's rule), e.g. captacion_vendedor_v1");
        cases.put(with(text("x"), "name", "a".repeat(513)), "name must be 1 to 512 lowercase letters, digits or underscores (Meta's rule), e.g. captacion_vendedor_v1");
        cases.put(with(text("x"), "category", "PROMO"), "category must be one of MARKETING, UTILITY, AUTHENTICATION");
        cases.put(with(text("x"), "category", null), "category is required (MARKETING, UTILITY, AUTHENTICATION)");
        cases.put(with(text("x"), "language", "spanish"), "language must be a WhatsApp language code such as es, es_ES, es_MX or pt_BR");
        cases.put(with(text("x"), "language", 7), "language must be a string");
        cases.put(with(text("x"), "platform", "rightmove"), "platform must be one of idealista, fotocasa, metrocuadrado, inmuebles24, zonaprop, csv_import, widget");
        cases.put(with(text("x"), "wabaId", "102290129340398"), "wabaId applies only to meta-api templates");
        cases.put(with(meta("x"), "wabaId", "abc"), "wabaId must be the numeric WhatsApp Business Account id Meta shows");
        cases.put(with(text("x"), "colour", "red"), "Unknown field 'colour'");
        cases.put(with(text("x"), "components", null), "components is required: at least [{\"type\": \"BODY\", \"text\": \"...\"}]");
        cases.put(with(text("x"), "components", List.of()), "components must be a non-empty array of {type, ...}");
        cases.put(with(meta("x"), "components", List.of(Map.of("type", "FOOTER", "text", "pie"))), "components must have exactly one BODY");
        cases.put(with(meta("x"), "components", List.of(Map.of("type", "BODY", "text", "a {{1}} b {{2}} c {{3}} d"),
                Map.of("type", "BODY", "text", "otra"))), "components may have at most one BODY");
        cases.put(with(text("x"), "components", List.of(Map.of("type", "BODY", "text", "Hola {{1}} y {{3}}"))),
                component + ".text placeholders must be {{1}} to {{3}} with none skipped; missing [{{2}}]");
        cases.put(with(text("x"), "components", List.of(Map.of("type", "BODY", "text", "Hola {{name}}"))),
                component + ".text has placeholders [{{name}}]: use positional {{1}}, {{2}}... and name the lead field of each in variables");
        cases.put(with(text("x"), "components", List.of(Map.of("type", "BODY", "text", "Hola", "style", "bold"))),
                "Unknown field 'components[0].style'");
        cases.put(with(text("x"), "components", List.of(Map.of("type", "FOOTER", "text", "pie"), Map.of("type", "BODY", "text", "Hola"))),
                "text templates have only a BODY component");
        cases.put(with(text("x"), "components", List.of(Map.of("type", "BODY", "text", "x".repeat(4097)))),
                component + ".text must be 1 to 4096 characters");
        cases.put(with(meta("x"), "components", List.of(Map.of("type", "BODY", "text", "{{1}}, tu piso {{2}} {{3}}"))),
                component + ".text must not start or end with a placeholder (Meta refuses such templates)");
        cases.put(with(meta("x"), "components", List.of(Map.of("type", "HEADER", "format", "IMAGE", "text", "x"),
                Map.of("type", "BODY", "text", "a {{1}} b {{2}} c {{3}} d"))),
                component + ".format must be TEXT: a media header needs a file for every send, which campaigns do not provide");
        cases.put(with(meta("x"), "components", List.of(Map.of("type", "HEADER", "text", "Hola {{1}}"),
                Map.of("type", "BODY", "text", "a {{1}} b {{2}} c {{3}} d"))),
                component + ".text must not have placeholders: only the BODY takes lead fields");
        cases.put(with(meta("x"), "components", List.of(Map.of("type", "BODY", "text", "a {{1}} b {{2}} c {{3}} d"),
                Map.of("type", "BUTTONS", "buttons", List.of(Map.of("type", "URL", "text", "Ver", "url", "https://x.es/{{1}}"))))),
                "components[1].buttons[0].url must be a fixed http(s) URL (a variable URL needs a value per send)");
        cases.put(with(meta("x"), "components", List.of(Map.of("type", "CAROUSEL"), Map.of("type", "BODY", "text", "a {{1}} b {{2}} c {{3}} d"))),
                component + ".type must be one of HEADER, BODY, FOOTER, BUTTONS");
        cases.put(with(text("x"), "variables", List.of("name")),
                "variables must name one lead field per placeholder: the BODY has 2 ({{1}}..{{2}}) and variables has 1");
        cases.put(with(text("x"), "variables", null),
                "variables must name one lead field per placeholder: the BODY has 2 ({{1}}..{{2}}) and variables has 0");
        cases.put(with(text("x"), "variables", List.of("name", "listing.colour")),
                "variables[1] must be a lead field: " + String.join(", ", TemplateRules.LEAD_FIELDS) + " or attributes.<csv column>");
        cases.put(with(text("x"), "variables", "name"), "variables must be an array of lead fields, e.g. [\"name\", \"listing.title\"]");
        for (var entry : cases.entrySet()) {
            create(key, entry.getKey()).statusCode(400).body("statusCode", equalTo(400)).body("error", equalTo("Bad Request"))
                    .body("message", containsString(entry.getValue()));
        }
        // Several broken rules: all of them, in details.
        create(key, Map.of("apiType", "text", "name", "MAL", "category", "X", "language", "es",
                "components", List.of(Map.of("type", "BODY", "text", "Hola {{1}}")))).statusCode(400)
                .body("details.field", hasItems("name", "category", "variables"))
                .body("message", containsString("(and 2 more, see details)"));
        // A CSV column is a lead field too.
        create(key, with(text("attr"), "variables", List.of("name", "attributes.referencia"))).statusCode(201);
        Api.as(key).get(PREFIX + "/templates").then().body("total", equalTo(1));
        Api.as(key).contentType("application/json").body("{\"apiType\": ").post(PREFIX + "/templates").then().statusCode(400)
                .body("message", equalTo("Request body is not valid JSON"));
        Api.as(key).contentType("text/plain").body("hola").post(PREFIX + "/templates").then().statusCode(415);
    }

    @Test
    void outreachWorkerReadsATemplateOverTheInternalApiOnlyWithTheToken() {
        String key = Api.testKey();
        String id = create(key, meta("interna")).statusCode(201).extract().path("id");
        given().get("/internal/v1/templates/" + id).then().statusCode(401)
                .body("message", equalTo("Invalid or missing internal token"));
        given().header("X-Internal-Token", "wrong").get("/internal/v1/templates/" + id).then().statusCode(401);
        var body = given().header("X-Internal-Token", "test-internal-token").get("/internal/v1/templates/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id)).body("apiType", equalTo("meta-api")).body("name", equalTo("interna"))
                .body("language", equalTo("es_ES")).body("category", equalTo("MARKETING")).body("status", equalTo("APPROVED"))
                .body("components.type", equalTo(List.of("HEADER", "BODY", "FOOTER", "BUTTONS")))
                .body("components[1].text", equalTo("Hola {{1}}, he visto \"{{2}}\" por {{3}} €. ¿Hablamos?"))
                .body("components[3].text", nullValue())
                .body("variables", equalTo(List.of("name", "listing.title", "listing.price")))
                .extract().jsonPath();
        assertEquals(Set.of("id", "apiType", "name", "language", "category", "status", "components", "variables"),
                body.getMap("").keySet());
        assertEquals(Set.of("type", "text"), body.getMap("components[1]").keySet());
        given().header("X-Internal-Token", "test-internal-token").get("/internal/v1/templates/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aCampaignStepMustNameATemplateOfItsWorkspace() {
        String key = Api.testKey();
        String foreign = create(Api.testKey(), text("ajena")).statusCode(201).extract().path("id");
        String unknown = UUID.randomUUID().toString();
        Api.as(key).body(Map.of("platform", "widget", "contactMode", "whatsapp-no-api", "settings", Map.of("sequence",
                        List.of(Map.of("text", "Hola"), Map.of("templateId", foreign, "delayHours", 24)))))
                .post(PREFIX + "/campaigns").then().statusCode(400)
                .body("message", equalTo("settings.sequence[1].templateId names no template of this workspace (GET /templates)"));
        String mine = create(key, text("propia")).statusCode(201).extract().path("id");
        String campaign = Api.createCampaign(key, Map.of("platform", "widget", "contactMode", "whatsapp-no-api",
                "settings", Map.of("sequence", List.of(Map.of("templateId", mine)))));
        Api.as(key).body(Map.of("settings", Map.of("sequence", List.of(Map.of("templateId", mine),
                        Map.of("templateId", unknown, "delayHours", 48)))))
                .patch(PREFIX + "/campaigns/" + campaign).then().statusCode(400)
                .body("details.field", equalTo(List.of("settings.sequence[1].templateId")));
        Api.as(key).get(PREFIX + "/campaigns/" + campaign).then().body("settings.sequence.size()", equalTo(1));
        // Other settings can change without touching the sequence.
        Api.as(key).body(Map.of("settings", Map.of("dailyCap", 20))).patch(PREFIX + "/campaigns/" + campaign).then().statusCode(200);
    }

    @Test
    void aCampaignRunsWithAnApprovedTemplateOfItsWorkspaceOnly() {
        String key = Api.testKey();
        Api.as(key).body(Map.of("type", "whatsapp", "whatsAppBusinessAccountId", "102290129340398",
                "phoneNumberId", "106540352242922", "token", "EAAG-test-token-123456", "phone", "+34612345678"))
                .post(PREFIX + "/accounts").then().statusCode(201);
        String template = create(key, meta("captacion_run")).statusCode(201).extract().path("id");
        String deleted = create(key, meta("borrada")).statusCode(201).extract().path("id");
        String blocked = Api.createCampaign(key, Map.of("platform", "widget", "contactMode", "whatsapp",
                "settings", Map.of("sequence", List.of(Map.of("templateId", deleted)))));
        Api.as(key).delete(PREFIX + "/templates/" + deleted).then().statusCode(204);
        Api.setStatus(key, blocked, "running").statusCode(409)
                .body("details.message", hasItem("settings.sequence template " + deleted + " is not an approved template of this workspace"));
        String runs = Api.createCampaign(key, Map.of("platform", "widget", "contactMode", "whatsapp",
                "settings", Map.of("sequence", List.of(Map.of("templateId", template)))));
        Api.setStatus(key, runs, "running").statusCode(200);
    }
}
