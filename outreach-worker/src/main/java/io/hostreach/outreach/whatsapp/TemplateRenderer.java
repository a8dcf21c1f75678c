package io.hostreach.outreach.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills templates and texts from a lead: a template's {@code variables[i]} (a lead field path such as
 * {@code name} or {@code listing.title}) is {{i+1}}; a free text may name fields directly ({{name}}).
 */
public final class TemplateRenderer {

    /** Meta refuses empty parameters; a missing field becomes this. */
    public static final String MISSING = "-";
    private static final int MAX_PARAMETER = 1024;
    private static final Pattern POSITIONAL = Pattern.compile("\\{\\{\\s*(\\d+)\\s*}}");
    private static final Pattern NAMED = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*}}");

    private TemplateRenderer() {
    }

    /** The body parameters in order, cleaned as Meta requires (no newlines or tabs, no runs of spaces). */
    public static List<String> parameters(Template template, JsonNode lead) {
        List<String> values = new ArrayList<>();
        for (String path : template.variablesOrEmpty()) {
            values.add(parameter(field(lead, path)));
        }
        return values;
    }

    /** The template's body as the recipient reads it. */
    public static String body(Template template, List<String> parameters) {
        Matcher m = POSITIONAL.matcher(template.bodyText());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int index = Integer.parseInt(m.group(1)) - 1;
            String value = index >= 0 && index < parameters.size() ? parameters.get(index) : MISSING;
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A free text with {{field.path}} placeholders filled; unknown fields become {@link #MISSING}. */
    public static String text(String text, JsonNode lead) {
        Matcher m = NAMED.matcher(text == null ? "" : text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = field(lead, m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? MISSING : value.trim()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A lead field by dotted path ({@code listing.title}, {@code attributes.ref}); null when absent. */
    static String field(JsonNode lead, String path) {
        if (lead == null || path == null) {
            return null;
        }
        JsonNode node = lead;
        for (String part : path.trim().split("\\.")) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }

    private static String parameter(String value) {
        if (value == null) {
            return MISSING;
        }
        String clean = value.replaceAll("\\s+", " ").trim();
        if (clean.isEmpty()) {
            return MISSING;
        }
        return clean.length() > MAX_PARAMETER ? clean.substring(0, MAX_PARAMETER) : clean;
    }
}
