package io.hostreach.extraction.portal.navent;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsObjectLiteralParserTest {

    private static JsonNode parse(String script) {
        return JsObjectLiteralParser.parse(script, script.indexOf('{'));
    }

    @Test
    void readsSingleQuotedKeysAndValuesBesideEmbeddedJson() {
        JsonNode node = parse("const avisoInfo = { 'idAviso': '49912345', 'pricesData': [{\"amount\":145000,"
                + "\"isoCode\":\"USD\"}], 'premier': false, 'views': -12.5, };");

        assertEquals("49912345", node.path("idAviso").asText());
        assertEquals(145000L, node.path("pricesData").path(0).path("amount").asLong());
        assertEquals("USD", node.path("pricesData").path(0).path("isoCode").asText());
        assertFalse(node.path("premier").asBoolean(true));
        assertEquals(-12.5, node.path("views").asDouble());
    }

    @Test
    void decodesEscapes() {
        JsonNode node = parse("{'a': 'Due\\u00f1o directo, l\\'\\u00e9t\\u00e9\\nok', \"b\": \"comillas \\\"dobles\\\"\"}");

        assertEquals("Dueño directo, l'été\nok", node.path("a").asText());
        assertEquals("comillas \"dobles\"", node.path("b").asText());
    }

    @Test
    void codeInsteadOfDataBecomesNull() {
        JsonNode node = parse("{ 'mapUrl': urlMapOf, 'when': new Date(2026, 2, 5), 'lat': atob(mapLatOf),"
                + " 'n': window.dataLayer[0].x, 'u': undefined, 'after': 'kept' }");

        assertTrue(node.path("mapUrl").isNull());
        assertTrue(node.path("when").isNull());
        assertTrue(node.path("lat").isNull());
        assertTrue(node.path("n").isNull());
        assertTrue(node.path("u").isNull());
        assertEquals("kept", node.path("after").asText());
    }

    @Test
    void skipsCommentsAndJoinsConcatenatedStrings() {
        JsonNode node = parse("{ // listing\n 'title': 'Depto ' + 'luminoso', /* id */ bare: 3 }");

        assertEquals("Depto luminoso", node.path("title").asText());
        assertEquals(3, node.path("bare").asInt());
    }

    @Test
    void stopsAtTheEndOfTheLiteral() {
        JsonNode node = parse("{'a': {'b': '}'}} ; const next = {'c': 1};");

        assertEquals("}", node.path("a").path("b").asText());
        assertFalse(node.has("c"));
    }

    @Test
    void brokenLiteralsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> parse("{'a': 'unterminated}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{'a' 1}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{'a': 1"));
    }
}
