package io.hostreach.platform.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Checks a portal campaign's {@code segmentation.filters} against that portal's schema and words every
 * broken rule as one sentence naming the field by its full path ({@code segmentation.filters.operation must
 * be one of sale, rent}). The schema is the source of truth; this class only phrases its verdicts, and adds
 * the two comparisons JSON Schema cannot express (min not above max).
 */
@Singleton
public class FilterValidation {

    static final String ROOT = "segmentation.filters";

    private final FilterSchemas schemas;

    @Inject
    public FilterValidation(FilterSchemas schemas) {
        this.schemas = schemas;
    }

    public List<Violation> validate(Portal platform, JsonNode filters) {
        if (filters == null || !filters.isObject()) {
            return List.of(new Violation(ROOT, ROOT + " must be an object"));
        }
        JsonNode schema = schemas.document(platform);
        Set<Violation> violations = new LinkedHashSet<>();
        for (ValidationMessage message : schemas.compiled(platform).validate(filters)) {
            violations.add(phrase(platform, schema, message));
        }
        notAbove(filters, "minPrice", "maxPrice", violations);
        notAbove(filters, "minSize", "maxSize", violations);
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return sorted;
    }

    private static Violation phrase(Portal platform, JsonNode schema, ValidationMessage message) {
        String field = fieldOf(message.getInstanceLocation());
        JsonNode keywordValue = schema.at(pointer(message.getSchemaLocation().getFragment()));
        JsonNode owner = schema.at(pointer(message.getSchemaLocation().getFragment().getParent()));
        String sentence = switch (message.getType()) {
            case "required" -> {
                field = child(field, message.getProperty());
                yield field + " is required";
            }
            case "additionalProperties" -> {
                field = child(field, message.getProperty());
                yield "Unknown field '" + field + "'";
            }
            case "enum" -> field + " must be one of " + listed(keywordValue);
            case "const" -> field + " must be " + keywordValue.asText();
            case "type" -> field + " must be " + typeWords(keywordValue);
            case "minimum", "maximum" -> field + range(owner);
            case "minLength" -> keywordValue.asInt() <= 1 ? field + " must not be empty"
                    : field + " must be at least " + keywordValue.asInt() + " characters long";
            case "maxLength" -> field + " must be at most " + keywordValue.asInt() + " characters long";
            case "pattern" -> patternSentence(platform, field, owner);
            default -> field + " is invalid: " + withoutLocation(message);
        };
        String because = conditionOf(schema, message.getSchemaLocation().getFragment());
        return new Violation(field, because == null ? sentence : sentence + " (" + because + ")");
    }

    /** A rule inside an {@code if/then} explains itself with the description of its {@code allOf} entry. */
    private static String conditionOf(JsonNode schema, JsonNodePath fragment) {
        for (JsonNodePath path = fragment; path != null && path.getNameCount() > 0; path = path.getParent()) {
            if ("then".equals(String.valueOf(path.getElement(path.getNameCount() - 1)))) {
                JsonNode rule = schema.at(pointer(path.getParent()));
                return rule.hasNonNull("description") ? rule.get("description").asText() : null;
            }
        }
        return null;
    }

    private static String patternSentence(Portal platform, String field, JsonNode owner) {
        String example = owner.path("examples").path(0).asText("");
        if (field.equals(ROOT + ".location.id")) {
            return field + " must be a " + platform.id() + " location id such as " + example
                    + ", as returned by location search";
        }
        return example.isEmpty() ? field + " is not in the expected format" : field + " must look like " + example;
    }

    private static String range(JsonNode owner) {
        boolean integer = owner.path("type").toString().contains("integer");
        JsonNode min = owner.get("minimum");
        JsonNode max = owner.get("maximum");
        String kind = integer ? " a whole number" : "";
        if (min != null && max != null) {
            return " must be" + kind + " between " + plain(min) + " and " + plain(max);
        }
        if (min != null) {
            return min.decimalValue().signum() == 0 ? " must not be negative" : " must be at least " + plain(min);
        }
        return " must be at most " + plain(max);
    }

    private static String typeWords(JsonNode type) {
        List<String> words = new ArrayList<>();
        for (JsonNode t : type.isArray() ? type : List.of(type)) {
            switch (t.asText()) {
                case "integer" -> words.add("a whole number");
                case "number" -> words.add("a number");
                case "string" -> words.add("a string");
                case "boolean" -> words.add("true or false");
                case "object" -> words.add("an object");
                case "array" -> words.add("an array");
                default -> { } // null is always allowed where listed, never worth naming
            }
        }
        return String.join(" or ", words);
    }

    private static String listed(JsonNode values) {
        StringJoiner list = new StringJoiner(", ");
        values.forEach(v -> {
            if (!v.isNull()) {
                list.add(v.asText());
            }
        });
        return list.toString();
    }

    private static void notAbove(JsonNode filters, String low, String high, Set<Violation> violations) {
        JsonNode min = filters.get(low);
        JsonNode max = filters.get(high);
        if (min != null && max != null && min.isNumber() && max.isNumber() && min.decimalValue().compareTo(max.decimalValue()) > 0) {
            violations.add(new Violation(ROOT + "." + low,
                    ROOT + "." + low + " must not be greater than " + ROOT + "." + high));
        }
    }

    private static String fieldOf(JsonNodePath instance) {
        StringBuilder field = new StringBuilder(ROOT);
        for (int i = 0; i < instance.getNameCount(); i++) {
            Object element = instance.getElement(i);
            field.append(element instanceof Integer ? "[" + element + "]" : "." + element);
        }
        return field.toString();
    }

    private static String child(String field, String property) {
        return property == null ? field : field + "." + property;
    }

    /** A schema location fragment as a JSON pointer into the schema document. */
    private static String pointer(JsonNodePath fragment) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; fragment != null && i < fragment.getNameCount(); i++) {
            pointer.append('/').append(String.valueOf(fragment.getElement(i)).replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    private static String plain(JsonNode number) {
        BigDecimal value = number.decimalValue().stripTrailingZeros();
        return value.toPlainString();
    }

    private static String withoutLocation(ValidationMessage message) {
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        return colon >= 0 ? text.substring(colon + 2) : text;
    }
}
