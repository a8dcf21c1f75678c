package io.hostreach.outreach.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.window.ScheduleSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What outreach reads from a campaign's settings and segmentation, parsed leniently: campaign-service
 * validated them, and a field this version does not know must not stop a campaign.
 */
public record CampaignSettings(List<SequenceStep> sequence, ScheduleSpec schedule, String accountId, Integer dailyCap,
                               Integer batchSize, boolean privateOnly) {

    public static CampaignSettings of(Campaign campaign, ObjectMapper mapper) {
        JsonNode settings = read(campaign.settings, mapper);
        JsonNode segmentation = read(campaign.segmentation, mapper);
        List<SequenceStep> steps = new ArrayList<>();
        JsonNode sequence = settings.path("sequence");
        if (sequence.isArray()) {
            for (JsonNode step : sequence) {
                steps.add(new SequenceStep(steps.size() + 1, text(step, "templateId"), text(step, "text"),
                        step.path("delayHours").asDouble(0)));
            }
        }
        String timezone = campaign.timezone != null ? campaign.timezone : text(settings, "timezone");
        ScheduleSpec schedule = new ScheduleSpec(text(settings, "scheduledHours"), text(settings, "scheduledDays"), timezone);
        // Professionals are excluded unless the campaign explicitly says privateOnly: false.
        JsonNode privateOnly = segmentation.path("filters").path("privateOnly");
        return new CampaignSettings(List.copyOf(steps), schedule, text(settings, "accountId"),
                positive(settings.path("dailyCap")), positive(segmentation.path("batchSize")),
                !privateOnly.isBoolean() || privateOnly.asBoolean());
    }

    public Optional<SequenceStep> step(int number) {
        return number >= 1 && number <= sequence.size() ? Optional.of(sequence.get(number - 1)) : Optional.empty();
    }

    private static JsonNode read(String json, ObjectMapper mapper) {
        try {
            JsonNode node = json == null ? null : mapper.readTree(json);
            return node == null || !node.isObject() ? mapper.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return mapper.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String s = value.asText();
        return s.isBlank() ? null : s;
    }

    private static Integer positive(JsonNode value) {
        return value.canConvertToInt() && value.asInt() > 0 ? value.asInt() : null;
    }
}
