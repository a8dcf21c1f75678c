package io.hostreach.outreach.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TemplateRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode lead() throws Exception {
        return JSON.readTree("""
                {"name":"Ana  María\\n","phone":"+34612345678",
                 "listing":{"title":"Piso\\tluminoso en Ruzafa","price":185000,"city":null},
                 "attributes":{"ref":"R-42"}}""");
    }

    private static Template template(String body, List<String> variables) {
        return new Template("t1", Template.META_API, "captacion", "es_ES", "MARKETING", Template.APPROVED,
                List.of(new Template.Component("HEADER", "Ignored {{1}}"), new Template.Component("BODY", body)), variables);
    }

    @Test
    void parametersFollowTheTemplatesVariablesCleanedAsMetaRequires() throws Exception {
        Template t = template("Hola {{1}}, su anuncio \"{{2}}\" por {{3}} €", List.of("name", "listing.title", "listing.price"));
        List<String> parameters = TemplateRenderer.parameters(t, lead());
        assertEquals(List.of("Ana María", "Piso luminoso en Ruzafa", "185000"), parameters);
        assertEquals("Hola Ana María, su anuncio \"Piso luminoso en Ruzafa\" por 185000 €", TemplateRenderer.body(t, parameters));
    }

    @Test
    void missingFieldsBecomeADashNeverAnEmptyParameter() throws Exception {
        Template t = template("{{1}} {{2}} {{3}}", List.of("listing.city", "email", "listing"));
        assertEquals(List.of("-", "-", "-"), TemplateRenderer.parameters(t, lead()));
        assertEquals("a - b", TemplateRenderer.body(template("a {{2}} b", List.of()), List.of()));
    }

    @Test
    void freeTextNamesFieldsDirectly() throws Exception {
        assertEquals("Hola Ana  María, ref R-42, zona -",
                TemplateRenderer.text("Hola {{name}}, ref {{ attributes.ref }}, zona {{listing.city}}", lead()));
    }

    @Test
    void replacementTextIsNeverReadAsARegexGroup() throws Exception {
        JsonNode lead = JSON.readTree("{\"name\":\"$1 \\\\ Ana\"}");
        Template t = template("Hola {{1}}", List.of("name"));
        assertEquals("Hola $1 \\ Ana", TemplateRenderer.body(t, TemplateRenderer.parameters(t, lead)));
    }
}
