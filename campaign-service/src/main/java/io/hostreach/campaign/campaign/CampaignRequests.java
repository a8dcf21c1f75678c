package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Reads create and update bodies into validated campaign fields, with every rule of public API §3. */
final class CampaignRequests {

    private static final Set<String> CREATE_FIELDS = Set.of("platform", "name", "mode", "contactMode", "segmentation",
            "settings");
    /** platform is named here so that it is reported as unchangeable rather than unknown. */
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "mode", "contactMode", "segmentation", "settings",
            "platform");

    private CampaignRequests() {
    }

    /** The validated fields of a campaign, ready to store. */
    record Fields(Platform platform, String name, String mode, String contactMode, ObjectNode segmentation,
                  ObjectNode settings) {
    }

    static Fields create(JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", CREATE_FIELDS, v);
        String platformValue = JsonBody.oneOf(json, "platform", "", Platform.API_VALUES, v);
        if (!json.hasNonNull("platform")) {
            v.add("platform", "platform is required (one of " + String.join(", ", Platform.API_VALUES) + ")");
        }
        String name = name(json, v);
        String mode = JsonBody.oneOf(json, "mode", "", CampaignDefaults.MODES, v);
        String contactMode = JsonBody.oneOf(json, "contactMode", "", CampaignDefaults.CONTACT_MODES, v);
        if (platformValue == null) {
            v.throwIfAny();
        }
        Platform platform = Platform.of(platformValue);
        ObjectNode segmentation = SegmentationRules.normalise(platform, json.get("segmentation"), v);
        ObjectNode settings = SettingsRules.normalise(json.get("settings"), v);
        v.throwIfAny();
        return new Fields(platform, name == null ? CampaignDefaults.DEFAULT_NAME : name,
                effectiveMode(platform, mode == null ? CampaignDefaults.EXTRACT_AND_CONTACT : mode),
                contactMode == null ? CampaignDefaults.WHATSAPP : contactMode, segmentation, settings);
    }

    /** {@code POST /extractions} {platform, filters, maxResults}: an extract_only portal campaign, ready to run. */
    static Fields extraction(JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", Set.of("platform", "filters", "maxResults"), v);
        String platformValue = JsonBody.oneOf(json, "platform", "", Platform.PORTALS, v);
        if (!json.hasNonNull("platform")) {
            v.add("platform", "platform is required (one of " + String.join(", ", Platform.PORTALS) + ")");
        }
        Integer maxResults = JsonBody.integerBetween(json, "maxResults", "", 1, 5000, v);
        ObjectNode filters = JsonBody.object(json, "filters", "", v);
        if (filters == null && !json.has("filters")) {
            v.add("filters", "filters is required (operation and location at least)");
        }
        v.throwIfAny();
        ObjectNode segmentation = JsonNodeFactory.instance.objectNode();
        segmentation.set("filters", filters);
        segmentation.put("expectedResults", maxResults == null ? CampaignDefaults.DEFAULT_EXPECTED_RESULTS : maxResults);
        Platform platform = Platform.of(platformValue);
        ObjectNode normalised = SegmentationRules.normalise(platform, segmentation, v);
        v.throwIfAny();
        // What a runnable portal campaign needs is plain input validation here: 400, not 409.
        FilterRules.checkRunnable(normalised.get("filters"), v);
        v.throwIfAny();
        return new Fields(platform, "Extraction " + platform.apiValue() + " " + java.time.LocalDate.now(),
                CampaignDefaults.EXTRACT_ONLY, CampaignDefaults.WHATSAPP, normalised, JsonNodeFactory.instance.objectNode());
    }

    /**
     * Applies an update to the current fields: {@code name}, {@code mode}, {@code contactMode} replace;
     * {@code segmentation} and {@code settings} merge key by key (a null value removes the key), then the
     * result is validated as a whole.
     */
    static Fields update(Fields current, ObjectNode json) {
        Violations v = new Violations();
        if (json.has("platform")) {
            v.add("platform", "platform cannot be changed; create a new campaign instead");
        }
        JsonBody.allowOnly(json, "", UPDATE_FIELDS, v);
        String name = name(json, v);
        String mode = JsonBody.oneOf(json, "mode", "", CampaignDefaults.MODES, v);
        String contactMode = JsonBody.oneOf(json, "contactMode", "", CampaignDefaults.CONTACT_MODES, v);
        JsonNode segmentationPatch = json.get("segmentation");
        JsonNode settingsPatch = json.get("settings");
        ObjectNode segmentation = mergeOrReport(current.segmentation(), segmentationPatch, "segmentation", v);
        ObjectNode settings = mergeOrReport(current.settings(), settingsPatch, "settings", v);
        v.throwIfAny();
        Platform platform = current.platform();
        ObjectNode normalisedSegmentation = SegmentationRules.normalise(platform, segmentation, v);
        ObjectNode normalisedSettings = SettingsRules.normalise(settings, v);
        v.throwIfAny();
        return new Fields(platform, name == null ? current.name() : name,
                effectiveMode(platform, mode == null ? current.mode() : mode),
                contactMode == null ? current.contactMode() : contactMode, normalisedSegmentation, normalisedSettings);
    }

    /** While running only the name and settings.dailyCap may change. */
    static void checkAllowedWhileRunning(ObjectNode json) {
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean allowed = field.getKey().equals("name")
                    || (field.getKey().equals("settings") && field.getValue().isObject()
                    && onlyKey(field.getValue(), "dailyCap"));
            if (!allowed) {
                throw ApiException.conflict("A running campaign can only change name and settings.dailyCap; "
                        + "pause it to change " + field.getKey());
            }
        }
    }

    private static boolean onlyKey(JsonNode node, String key) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (!names.next().equals(key)) {
                return false;
            }
        }
        return true;
    }

    private static String name(ObjectNode json, Violations v) {
        JsonNode raw = json.get("name");
        if (raw != null && raw.isNull()) {
            return null;
        }
        String name = JsonBody.text(json, "name", "", v);
        if (name == null) {
            return null;
        }
        String trimmed = name.trim();
        if (trimmed.isEmpty() || trimmed.length() > CampaignDefaults.NAME_MAX) {
            v.add("name", "name must be between 1 and " + CampaignDefaults.NAME_MAX + " characters after trimming");
            return null;
        }
        return trimmed;
    }

    /** Widget and CSV campaigns always contact their leads: their mode is forced, silently, as the spec says. */
    private static String effectiveMode(Platform platform, String requested) {
        return platform.isPortal() ? requested : CampaignDefaults.EXTRACT_AND_CONTACT;
    }

    private static ObjectNode mergeOrReport(ObjectNode current, JsonNode patch, String field, Violations v) {
        if (patch == null) {
            return current;
        }
        if (patch.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!patch.isObject()) {
            v.add(field, field + " must be an object");
            return current;
        }
        ObjectNode merged = current.deepCopy();
        patch.fields().forEachRemaining(entry -> {
            if (entry.getValue().isNull()) {
                merged.remove(entry.getKey());
            } else {
                merged.set(entry.getKey(), entry.getValue());
            }
        });
        return merged;
    }
}
