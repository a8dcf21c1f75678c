package io.hostreach.campaign.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Set;

/**
 * Typed reads from a JSON request body that record a clear violation (naming the field's full path)
 * instead of failing on the first surprise. Bodies are read as trees so unknown fields, wrong types
 * and unknown enum values all get the spec's 400 with our own wording.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static ObjectNode requireObject(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw ApiException.badRequest("Request body is required");
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    public static void allowOnly(JsonNode node, String path, Set<String> allowed, Violations v) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                v.add(join(path, name), "Unknown field '" + join(path, name) + "'");
            }
        }
    }

    /** The field when present and not null. */
    public static JsonNode present(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public static String text(JsonNode node, String field, String path, Violations v) {
        JsonNode value = present(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            v.add(join(path, field), join(path, field) + " must be a string");
            return null;
        }
        return value.asText();
    }

    public static Integer integer(JsonNode node, String field, String path, Violations v) {
        JsonNode value = present(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            v.add(join(path, field), join(path, field) + " must be a whole number");
            return null;
        }
        return value.intValue();
    }

    public static Integer integerBetween(JsonNode node, String field, String path, int min, int max, Violations v) {
        Integer value = integer(node, field, path, v);
        if (value != null && (value < min || value > max)) {
            v.add(join(path, field), join(path, field) + " must be between " + min + " and " + max);
            return null;
        }
        return value;
    }

    public static Double number(JsonNode node, String field, String path, Violations v) {
        JsonNode value = present(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            v.add(join(path, field), join(path, field) + " must be a number");
            return null;
        }
        return value.doubleValue();
    }

    public static Boolean bool(JsonNode node, String field, String path, Violations v) {
        JsonNode value = present(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            v.add(join(path, field), join(path, field) + " must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** An object field; null when absent; a violation when present but not an object. */
    public static ObjectNode object(JsonNode node, String field, String path, Violations v) {
        JsonNode value = present(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            v.add(join(path, field), join(path, field) + " must be an object");
            return null;
        }
        return (ObjectNode) value;
    }

    /** One of the allowed values, or a violation listing them. */
    public static String oneOf(JsonNode node, String field, String path, java.util.List<String> allowed, Violations v) {
        String value = text(node, field, path, v);
        if (value != null && !allowed.contains(value)) {
            v.add(join(path, field), join(path, field) + " must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    public static String join(String path, String field) {
        return path == null || path.isEmpty() ? field : path + "." + field;
    }
}
