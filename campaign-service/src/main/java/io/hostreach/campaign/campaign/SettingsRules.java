package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.TimeZones;
import io.hostreach.campaign.api.Violations;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code settings}: schedule ({@code scheduledHours} "9,14:30", {@code scheduledDays} "1,2,3,4,5"),
 * {@code timezone}, {@code accountId}, {@code sequence} and {@code dailyCap}.
 */
final class SettingsRules {

    static final Set<String> KEYS = Set.of("scheduledHours", "scheduledDays", "timezone", "accountId", "sequence",
            "dailyCap");
    static final int MAX_STEPS = 10;
    static final int MAX_DELAY_HOURS = 720;
    static final int MAX_TEXT = 4096;
    private static final Pattern HOUR = Pattern.compile("^(\\d{1,2})(?::(\\d{2}))?$");
    private static final String PATH = "settings";

    private SettingsRules() {
    }

    static ObjectNode normalise(JsonNode settings, Violations v) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (settings == null || settings.isNull()) {
            return out;
        }
        if (!settings.isObject()) {
            v.add(PATH, PATH + " must be an object");
            return out;
        }
        JsonBody.allowOnly(settings, PATH, KEYS, v);
        String hours = JsonBody.text(settings, "scheduledHours", PATH, v);
        if (hours != null && checkHours(hours, v)) {
            out.put("scheduledHours", hours.replace(" ", ""));
        }
        String days = JsonBody.text(settings, "scheduledDays", PATH, v);
        if (days != null && checkDays(days, v)) {
            out.put("scheduledDays", days.replace(" ", ""));
        }
        String timezone = JsonBody.text(settings, "timezone", PATH, v);
        if (timezone != null) {
            if (TimeZones.isValid(timezone)) {
                out.put("timezone", timezone);
            } else {
                v.add(PATH + ".timezone", PATH + ".timezone must be an IANA time zone such as Europe/Madrid");
            }
        }
        String accountId = JsonBody.text(settings, "accountId", PATH, v);
        if (accountId != null) {
            if (isUuid(accountId)) {
                out.put("accountId", accountId.toLowerCase());
            } else {
                v.add(PATH + ".accountId", PATH + ".accountId must be an account id (UUID)");
            }
        }
        ArrayNode sequence = sequence(settings.get("sequence"), v);
        if (sequence != null) {
            out.set("sequence", sequence);
        }
        Integer dailyCap = JsonBody.integerBetween(settings, "dailyCap", PATH, 1, 100_000, v);
        if (dailyCap != null) {
            out.put("dailyCap", dailyCap);
        }
        return out;
    }

    private static boolean checkHours(String raw, Violations v) {
        String field = PATH + ".scheduledHours";
        Set<Integer> seen = new HashSet<>();
        for (String part : raw.replace(" ", "").split(",", -1)) {
            Matcher m = HOUR.matcher(part);
            int hour = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            int minute = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
            if (hour < 0 || hour > 23 || minute > 59) {
                v.add(field, field + " must be comma-separated times H or H:MM between 0 and 23:59, e.g. \"9,14:30\"");
                return false;
            }
            if (!seen.add(hour * 60 + minute)) {
                v.add(field, field + " must not repeat a time (" + part + ")");
                return false;
            }
        }
        return true;
    }

    private static boolean checkDays(String raw, Violations v) {
        String field = PATH + ".scheduledDays";
        Set<String> seen = new HashSet<>();
        for (String part : raw.replace(" ", "").split(",", -1)) {
            if (!part.matches("[1-7]")) {
                v.add(field, field + " must be comma-separated ISO weekdays 1 (Monday) to 7 (Sunday), e.g. \"1,2,3,4,5\"");
                return false;
            }
            if (!seen.add(part)) {
                v.add(field, field + " must not repeat a day (" + part + ")");
                return false;
            }
        }
        return true;
    }

    private static ArrayNode sequence(JsonNode node, Violations v) {
        String field = PATH + ".sequence";
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            v.add(field, field + " must be an array of steps");
            return null;
        }
        if (node.size() > MAX_STEPS) {
            v.add(field, field + " must have at most " + MAX_STEPS + " steps");
            return null;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < node.size(); i++) {
            String path = field + "[" + i + "]";
            JsonNode step = node.get(i);
            if (!step.isObject()) {
                v.add(path, path + " must be an object {templateId or text, delayHours}");
                continue;
            }
            JsonBody.allowOnly(step, path, Set.of("templateId", "text", "delayHours"), v);
            String templateId = JsonBody.text(step, "templateId", path, v);
            String text = JsonBody.text(step, "text", path, v);
            ObjectNode clean = JsonNodeFactory.instance.objectNode();
            if ((templateId == null) == (text == null)) {
                v.add(path, path + " must have exactly one of templateId or text");
            } else if (templateId != null && !isUuid(templateId)) {
                v.add(path + ".templateId", path + ".templateId must be a template id (UUID)");
            } else if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
                v.add(path + ".text", path + ".text must be 1 to " + MAX_TEXT + " characters");
            } else if (templateId != null) {
                clean.put("templateId", templateId.toLowerCase());
            } else {
                clean.put("text", text);
            }
            Double delay = JsonBody.number(step, "delayHours", path, v);
            if (delay == null && i > 0 && !step.hasNonNull("delayHours")) {
                v.add(path + ".delayHours", path + ".delayHours is required after the first step");
            } else if (delay != null && (delay < 0 || delay > MAX_DELAY_HOURS || (i > 0 && delay == 0))) {
                v.add(path + ".delayHours", path + (i == 0 ? ".delayHours must be between 0 and "
                        : ".delayHours must be greater than 0 and at most ") + MAX_DELAY_HOURS);
            }
            clean.put("delayHours", delay == null ? 0 : delay);
            out.add(clean);
        }
        return out;
    }

    static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
