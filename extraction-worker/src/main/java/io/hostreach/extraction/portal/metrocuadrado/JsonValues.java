package io.hostreach.extraction.portal.metrocuadrado;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads metrocuadrado's loosely typed values: the same field is a number in one listing and a string in the
 * next ("mnrocuartos": "3", "marea": 85.5, "mvalorventa": "450000000"), and blanks mean "not given".
 */
final class JsonValues {

    private JsonValues() {
    }

    static String text(JsonNode node, String field) {
        return text(node.path(field));
    }

    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() || "null".equalsIgnoreCase(text) ? null : text;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "."));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole count or area; zero counts as "not given" because the portal fills unknowns with 0. */
    static Integer positiveInteger(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value == null || value.signum() <= 0) {
            return null;
        }
        return value.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    static Double coordinate(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        return value == null || value.signum() == 0 ? null : value.doubleValue();
    }
}
