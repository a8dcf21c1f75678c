package io.hostreach.campaign.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.campaign.Platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a template definition, Meta's where Meta has one: a snake_case name, a category, a language
 * code, exactly one BODY with positional placeholders {{1}}..{{n}} in order of first use, and one lead field
 * per placeholder in {@code variables}. Only what outreach-worker can fill at send time is accepted: body
 * parameters; a HEADER is plain text and a button has no variable part (a media header or a dynamic URL
 * would need a value per send that no lead field gives).
 */
public final class TemplateRules {

    public static final List<String> API_TYPES = List.of(MessageTemplate.META_API, MessageTemplate.TEXT);
    public static final List<String> CATEGORIES = List.of("MARKETING", "UTILITY", "AUTHENTICATION");
    public static final Set<String> FIELDS = Set.of("apiType", "platform", "wabaId", "name", "category", "language",
            "components", "variables");
    /** The lead fields a variable may name; {@code attributes.<column>} (CSV columns) as well. */
    public static final List<String> LEAD_FIELDS = List.of("name", "phone", "email", "listing.portal", "listing.listingId",
            "listing.url", "listing.title", "listing.operation", "listing.propertyType", "listing.price", "listing.currency",
            "listing.size", "listing.rooms", "listing.bathrooms", "listing.address", "listing.city", "listing.province");

    static final int MAX_NAME = 512;
    static final int MAX_META_BODY = 1024;
    static final int MAX_TEXT_BODY = 4096;
    static final int MAX_HEADER = 60;
    static final int MAX_FOOTER = 60;
    static final int MAX_BUTTON_TEXT = 25;
    static final int MAX_BUTTONS = 10;
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2,4})?");
    private static final Pattern WABA = Pattern.compile("\\d{5,32}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    private static final Pattern ATTRIBUTE = Pattern.compile("attributes\\.[A-Za-z0-9_][A-Za-z0-9_ -]{0,99}");
    private static final Map<String, String> SAMPLES = Map.of("name", "Carmen", "listing.title", "Piso en Ruzafa",
            "listing.city", "Valencia", "listing.price", "950", "listing.address", "Calle de Cuba 12",
            "listing.url", "https://www.idealista.com/inmueble/108765432/", "phone", "+34612345678",
            "email", "carmen@example.com", "listing.operation", "alquiler");

    private TemplateRules() {
    }

    /** A valid template definition, components as they are stored (and sent to Meta). */
    public record Definition(String apiType, String platform, String wabaId, String name, String category, String language,
                             ArrayNode components, List<String> variables) {

        public String bodyText() {
            for (JsonNode c : components) {
                if ("BODY".equals(c.path("type").asText())) {
                    return c.path("text").asText();
                }
            }
            return "";
        }
    }

    /** Checks a whole definition (a create, or a template with a PATCH merged in); every broken rule is listed. */
    public static Definition check(ObjectNode json, Violations v) {
        JsonBody.allowOnly(json, "", FIELDS, v);
        String apiType = JsonBody.oneOf(json, "apiType", "", API_TYPES, v);
        if (apiType == null && !json.hasNonNull("apiType")) {
            v.add("apiType", "apiType is required (meta-api or text)");
        }
        boolean meta = MessageTemplate.META_API.equals(apiType);
        String platform = JsonBody.oneOf(json, "platform", "", Platform.API_VALUES, v);
        String wabaId = JsonBody.text(json, "wabaId", "", v);
        if (wabaId != null && !meta) {
            v.add("wabaId", "wabaId applies only to meta-api templates");
            wabaId = null;
        } else if (wabaId != null && !WABA.matcher(wabaId).matches()) {
            v.add("wabaId", "wabaId must be the numeric WhatsApp Business Account id Meta shows");
            wabaId = null;
        }
        String name = required(json, "name", v);
        if (name != null && (name.length() > MAX_NAME || !NAME.matcher(name).matches())) {
            v.add("name", "name must be 1 to " + MAX_NAME + " lowercase letters, digits or underscores (Meta's rule), "
                    + "e.g. captacion_vendedor_v1");
            name = null;
        }
        String category = JsonBody.oneOf(json, "category", "", CATEGORIES, v);
        if (category == null && !json.hasNonNull("category")) {
            v.add("category", "category is required (" + String.join(", ", CATEGORIES) + ")");
        }
        String language = required(json, "language", v);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            v.add("language", "language must be a WhatsApp language code such as es, es_ES, es_MX or pt_BR");
            language = null;
        }
        ArrayNode components = components(json, meta, v);
        int placeholders = components == null ? -1 : placeholders(components, meta, v);
        List<String> variables = variables(json, placeholders, v);
        if (meta && components != null && placeholders > 0 && variables != null) {
            addBodyExample(components, variables, v);
        }
        return new Definition(apiType, platform, wabaId, name, category, language, components, variables);
    }

    private static ArrayNode components(ObjectNode json, boolean meta, Violations v) {
        JsonNode node = JsonBody.present(json, "components");
        if (node == null) {
            v.add("components", "components is required: at least [{\"type\": \"BODY\", \"text\": \"...\"}]");
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            v.add("components", "components must be a non-empty array of {type, ...}");
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Set<String> seen = new HashSet<>();
        int bodies = 0;
        for (int i = 0; i < node.size(); i++) {
            String path = "components[" + i + "]";
            JsonNode c = node.get(i);
            if (!c.isObject()) {
                v.add(path, path + " must be an object {type, ...}");
                continue;
            }
            if (!meta && c.hasNonNull("type") && !"BODY".equals(c.get("type").asText())) {
                v.add(path + ".type", "text templates have only a BODY component");
                continue;
            }
            String type = JsonBody.oneOf(c, "type", path, List.of("HEADER", "BODY", "FOOTER", "BUTTONS"), v);
            if (type == null) {
                if (!c.hasNonNull("type")) {
                    v.add(path + ".type", path + ".type is required (" + (meta ? "HEADER, BODY, FOOTER or BUTTONS" : "BODY") + ")");
                }
                continue;
            }
            if (!seen.add(type)) {
                v.add(path + ".type", "components may have at most one " + type);
                continue;
            }
            ObjectNode clean = switch (type) {
                case "BODY" -> body((ObjectNode) c, path, meta, v);
                case "HEADER" -> header((ObjectNode) c, path, v);
                case "FOOTER" -> footer((ObjectNode) c, path, v);
                default -> buttons((ObjectNode) c, path, v);
            };
            if ("BODY".equals(type)) {
                bodies++;
            }
            if (clean != null) {
                out.add(clean);
            }
        }
        if (bodies == 0 && !seen.contains("BODY")) {
            v.add("components", "components must have exactly one BODY");
        }
        return out;
    }

    private static ObjectNode body(ObjectNode c, String path, boolean meta, Violations v) {
        JsonBody.allowOnly(c, path, meta ? Set.of("type", "text", "example") : Set.of("type", "text"), v);
        int max = meta ? MAX_META_BODY : MAX_TEXT_BODY;
        String text = requiredText(c, "text", path, v);
        if (text != null && (text.isBlank() || text.length() > max)) {
            v.add(path + ".text", path + ".text must be 1 to " + max + " characters");
            return null;
        }
        if (text == null) {
            return null;
        }
        ObjectNode clean = JsonNodeFactory.instance.objectNode().put("type", "BODY").put("text", text);
        JsonNode example = JsonBody.present(c, "example");
        if (example != null) {
            JsonNode values = example.path("body_text");
            if (!example.isObject() || example.size() != 1 || !values.isArray() || values.size() != 1 || !values.get(0).isArray()) {
                v.add(path + ".example", path + ".example must be Meta's {\"body_text\": [[\"value of {{1}}\", ...]]}");
            } else {
                clean.set("example", example);
            }
        }
        return clean;
    }

    private static ObjectNode header(ObjectNode c, String path, Violations v) {
        JsonBody.allowOnly(c, path, Set.of("type", "format", "text"), v);
        String format = JsonBody.text(c, "format", path, v);
        if (format != null && !"TEXT".equals(format)) {
            v.add(path + ".format", path + ".format must be TEXT: a media header needs a file for every send, "
                    + "which campaigns do not provide");
            return null;
        }
        String text = requiredText(c, "text", path, v);
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.length() > MAX_HEADER) {
            v.add(path + ".text", path + ".text must be 1 to " + MAX_HEADER + " characters");
            return null;
        }
        if (PLACEHOLDER.matcher(text).find()) {
            v.add(path + ".text", path + ".text must not have placeholders: only the BODY takes lead fields");
            return null;
        }
        return JsonNodeFactory.instance.objectNode().put("type", "HEADER").put("format", "TEXT").put("text", text);
    }

    private static ObjectNode footer(ObjectNode c, String path, Violations v) {
        JsonBody.allowOnly(c, path, Set.of("type", "text"), v);
        String text = requiredText(c, "text", path, v);
        if (text == null) {
            return null;
        }
        if (text.isBlank() || text.length() > MAX_FOOTER || PLACEHOLDER.matcher(text).find()) {
            v.add(path + ".text", path + ".text must be 1 to " + MAX_FOOTER + " characters without placeholders");
            return null;
        }
        return JsonNodeFactory.instance.objectNode().put("type", "FOOTER").put("text", text);
    }

    private static ObjectNode buttons(ObjectNode c, String path, Violations v) {
        JsonBody.allowOnly(c, path, Set.of("type", "buttons"), v);
        JsonNode list = JsonBody.present(c, "buttons");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_BUTTONS) {
            v.add(path + ".buttons", path + ".buttons must be an array of 1 to " + MAX_BUTTONS + " buttons");
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < list.size(); i++) {
            String p = path + ".buttons[" + i + "]";
            JsonNode b = list.get(i);
            if (!b.isObject()) {
                v.add(p, p + " must be an object {type, text, url?, phone_number?}");
                continue;
            }
            String type = JsonBody.oneOf(b, "type", p, List.of("QUICK_REPLY", "URL", "PHONE_NUMBER"), v);
            if (type == null) {
                if (!b.hasNonNull("type")) {
                    v.add(p + ".type", p + ".type is required (QUICK_REPLY, URL or PHONE_NUMBER)");
                }
                continue;
            }
            Set<String> allowed = switch (type) {
                case "URL" -> Set.of("type", "text", "url");
                case "PHONE_NUMBER" -> Set.of("type", "text", "phone_number");
                default -> Set.of("type", "text");
            };
            JsonBody.allowOnly(b, p, allowed, v);
            String text = requiredText(b, "text", p, v);
            if (text != null && (text.isBlank() || text.length() > MAX_BUTTON_TEXT)) {
                v.add(p + ".text", p + ".text must be 1 to " + MAX_BUTTON_TEXT + " characters");
            }
            ObjectNode clean = JsonNodeFactory.instance.objectNode().put("type", type).put("text", text);
            if ("URL".equals(type)) {
                String url = requiredText(b, "url", p, v);
                if (url != null && (!url.matches("https?://\\S+") || PLACEHOLDER.matcher(url).find())) {
                    v.add(p + ".url", p + ".url must be a fixed http(s) URL (a variable URL needs a value per send)");
                }
                clean.put("url", url);
            } else if ("PHONE_NUMBER".equals(type)) {
                String phone = requiredText(b, "phone_number", p, v);
                if (phone != null && !phone.matches("\\+[1-9]\\d{6,14}")) {
                    v.add(p + ".phone_number", p + ".phone_number must be in E.164 format, e.g. +34612345678");
                }
                clean.put("phone_number", phone);
            }
            out.add(clean);
        }
        return JsonNodeFactory.instance.objectNode().put("type", "BUTTONS").set("buttons", out);
    }

    /**
     * The number of positional placeholders of the BODY: they must be {{1}}..{{n}} with none missing; a Meta body
     * may neither start nor end with one (Meta refuses it). -1 when the body itself is invalid.
     */
    private static int placeholders(ArrayNode components, boolean meta, Violations v) {
        String text = null;
        int index = 0;
        for (int i = 0; i < components.size(); i++) {
            if ("BODY".equals(components.get(i).path("type").asText())) {
                text = components.get(i).path("text").asText();
            }
        }
        if (text == null) {
            return -1;
        }
        String path = "components[" + bodyIndex(components) + "].text";
        Matcher m = PLACEHOLDER.matcher(text);
        TreeSet<Integer> numbers = new TreeSet<>();
        List<String> invalid = new ArrayList<>();
        while (m.find()) {
            String inner = m.group(1);
            if (inner.matches("[1-9]\\d{0,2}")) {
                numbers.add(Integer.parseInt(inner));
            } else {
                invalid.add(m.group());
            }
        }
        if (!invalid.isEmpty()) {
            v.add(path, path + " has placeholders " + invalid + ": use positional {{1}}, {{2}}... and name the lead "
                    + "field of each in variables");
            return -1;
        }
        int n = numbers.isEmpty() ? 0 : numbers.last();
        if (numbers.size() != n) {
            List<Integer> missing = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                if (!numbers.contains(k)) {
                    missing.add(k);
                }
            }
            v.add(path, path + " placeholders must be {{1}} to {{" + n + "}} with none skipped; missing "
                    + missing.stream().map(k -> "{{" + k + "}}").toList());
            return -1;
        }
        String trimmed = text.trim();
        if (meta && n > 0 && (trimmed.startsWith("{{") || trimmed.endsWith("}}"))) {
            v.add(path, path + " must not start or end with a placeholder (Meta refuses such templates)");
        }
        return n;
    }

    private static int bodyIndex(ArrayNode components) {
        for (int i = 0; i < components.size(); i++) {
            if ("BODY".equals(components.get(i).path("type").asText())) {
                return i;
            }
        }
        return 0;
    }

    private static List<String> variables(ObjectNode json, int placeholders, Violations v) {
        JsonNode node = JsonBody.present(json, "variables");
        List<String> out = new ArrayList<>();
        if (node != null && !node.isArray()) {
            v.add("variables", "variables must be an array of lead fields, e.g. [\"name\", \"listing.title\"]");
            return null;
        }
        if (node != null) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String value = item.isTextual() ? item.asText().trim() : null;
                if (value == null || !(LEAD_FIELDS.contains(value) || ATTRIBUTE.matcher(value).matches())) {
                    v.add("variables[" + i + "]", "variables[" + i + "] must be a lead field: "
                            + String.join(", ", LEAD_FIELDS) + " or attributes.<csv column>");
                    return null;
                }
                out.add(value);
            }
        }
        if (placeholders >= 0 && out.size() != placeholders) {
            v.add("variables", "variables must name one lead field per placeholder: the BODY has " + placeholders
                    + " ({{1}}..{{" + placeholders + "}}) and variables has " + out.size());
            return null;
        }
        return out;
    }

    /** Meta requires sample values for a body with variables; unless the client gave them, lead-like ones are sent. */
    private static void addBodyExample(ArrayNode components, List<String> variables, Violations v) {
        for (int i = 0; i < components.size(); i++) {
            ObjectNode c = (ObjectNode) components.get(i);
            if (!"BODY".equals(c.path("type").asText())) {
                continue;
            }
            if (c.has("example")) {
                if (c.path("example").path("body_text").path(0).size() != variables.size()) {
                    v.add("components[" + i + "].example", "components[" + i + "].example.body_text[0] must have one "
                            + "sample value per placeholder (" + variables.size() + ")");
                }
                return;
            }
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            variables.forEach(field -> values.add(SAMPLES.getOrDefault(field, "ejemplo")));
            c.set("example", JsonNodeFactory.instance.objectNode()
                    .set("body_text", JsonNodeFactory.instance.arrayNode().add(values)));
        }
    }

    private static String required(ObjectNode json, String field, Violations v) {
        String value = JsonBody.text(json, field, "", v);
        if (value == null && !json.hasNonNull(field)) {
            v.add(field, field + " is required");
        }
        return value;
    }

    private static String requiredText(JsonNode node, String field, String path, Violations v) {
        String value = JsonBody.text(node, field, path, v);
        if (value == null && !node.hasNonNull(field)) {
            v.add(JsonBody.join(path, field), JsonBody.join(path, field) + " is required");
        }
        return value;
    }
}
