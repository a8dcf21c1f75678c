package io.hostreach.extraction.campaign;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.extraction.run.RunTrigger;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.PoisonEventException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A campaign event as this worker needs it: the envelope's id, type and time, the campaign snapshot it
 * carries and, when it asks for a run, the id of the extraction job campaign-service created with the
 * trigger it stands for: {@code execution-requested} (execute), or the {@code status-changed} to running
 * that starts a campaign without a schedule (start).
 */
public record CampaignEvent(String id, String type, Instant time, Snapshot campaign, UUID extractionId,
                            RunTrigger trigger) {

    static final String RUNNING = "running";
    static final String COMPLETED = "completed";

    static final Set<String> TYPES = Set.of(EventTypes.CAMPAIGN_STATUS_CHANGED, EventTypes.CAMPAIGN_UPDATED,
            EventTypes.CAMPAIGN_EXECUTION_REQUESTED);

    /**
     * The campaign's whole configuration at {@code version}. Unknown fields are ignored so that
     * campaign-service can add some without breaking this worker.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(UUID id, UUID workspaceId, String environment, String name, String platform, String mode,
                           String contactMode, String status, JsonNode segmentation, JsonNode settings,
                           String timezone, String country, Long version, Instant updatedAt) {
    }

    /**
     * Reads the campaign event inside a valid envelope; empty for types this worker does not act on
     * (they are acknowledged and skipped, not dead-lettered).
     *
     * @throws PoisonEventException when a campaign event breaks the contract: it can never be processed
     */
    public static Optional<CampaignEvent> from(CloudEvent envelope, ObjectMapper mapper) {
        if (!TYPES.contains(envelope.type())) {
            return Optional.empty();
        }
        JsonNode data = envelope.data();
        Snapshot campaign = snapshot(envelope.id(), data.get("campaign"), mapper);
        UUID extractionId = null;
        RunTrigger trigger = null;
        if (EventTypes.CAMPAIGN_EXECUTION_REQUESTED.equals(envelope.type())) {
            extractionId = uuid(envelope.id(), data.get("extractionId"));
            trigger = RunTrigger.EXECUTE;
        } else if (EventTypes.CAMPAIGN_STATUS_CHANGED.equals(envelope.type()) && data.hasNonNull("extractionId")
                && RUNNING.equals(campaign.status())) {
            extractionId = uuid(envelope.id(), data.get("extractionId"));
            trigger = RunTrigger.START;
        }
        return Optional.of(new CampaignEvent(envelope.id(), envelope.type(), envelope.time(), campaign, extractionId,
                trigger));
    }

    public boolean requestsExtraction() {
        return extractionId != null;
    }

    private static Snapshot snapshot(String eventId, JsonNode node, ObjectMapper mapper) {
        if (node == null || !node.isObject()) {
            throw new PoisonEventException("campaign event " + eventId + " has no data.campaign object");
        }
        Snapshot snapshot;
        try {
            snapshot = mapper.treeToValue(node, Snapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("campaign event " + eventId + " has an unreadable data.campaign: "
                    + e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>();
        require(snapshot.id(), "id", missing);
        require(snapshot.workspaceId(), "workspaceId", missing);
        require(snapshot.environment(), "environment", missing);
        require(snapshot.platform(), "platform", missing);
        require(snapshot.mode(), "mode", missing);
        require(snapshot.status(), "status", missing);
        require(snapshot.version(), "version", missing);
        require(snapshot.updatedAt(), "updatedAt", missing);
        if (!missing.isEmpty()) {
            throw new PoisonEventException("campaign event " + eventId + " lacks data.campaign." + String.join(", ", missing));
        }
        return snapshot;
    }

    private static UUID uuid(String eventId, JsonNode node) {
        try {
            return UUID.fromString(node == null ? "" : node.asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("campaign event " + eventId + " has no valid data.extractionId", e);
        }
    }

    private static void require(Object value, String field, List<String> missing) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            missing.add(field);
        }
    }
}
