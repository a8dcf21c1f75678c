package io.hostreach.extraction.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Campaign events as campaign-service puts them on the wire (CloudEvents 1.0 structured JSON, key =
 * campaignId, event-id / event-type / content-type headers), written by hand from the contract so the
 * test does not reuse the code it checks.
 */
public final class CampaignEvents {

    public static final String STATUS_CHANGED = "io.hostreach.campaign.status-changed";
    public static final String EXECUTION_REQUESTED = "io.hostreach.campaign.execution-requested";
    private static final UUID WORKSPACE = UUID.fromString("6f1c9a52-3e61-4d0e-9a55-0d4c6a1f2b10");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;

    public CampaignEvents(String topic) {
        this.topic = topic;
    }

    /**
     * A status-changed event carrying this campaign snapshot (built by the caller, e.g. a portal campaign with
     * filters); {@code extractionId} is the first run's job when the start queued one (null otherwise).
     */
    public ProducerRecord<String, String> statusChanged(String eventId, ObjectNode campaign, String previousStatus,
                                                        UUID extractionId) {
        UUID campaignId = UUID.fromString(campaign.get("id").asText());
        ObjectNode data = JSON.createObjectNode();
        data.set("campaign", campaign);
        data.put("previousStatus", previousStatus);
        if (extractionId != null) {
            data.put("extractionId", extractionId.toString());
        }
        return record(campaignId, eventId, STATUS_CHANGED, envelope(eventId, STATUS_CHANGED, campaignId, data).toString());
    }

    public ProducerRecord<String, String> executionRequested(String eventId, ObjectNode campaign, UUID extractionId) {
        UUID campaignId = UUID.fromString(campaign.get("id").asText());
        ObjectNode data = JSON.createObjectNode();
        data.set("campaign", campaign);
        data.put("extractionId", extractionId.toString());
        return record(campaignId, eventId, EXECUTION_REQUESTED, envelope(eventId, EXECUTION_REQUESTED, campaignId, data).toString());
    }

    ProducerRecord<String, String> statusChanged(String eventId, UUID campaignId, String status, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.set("campaign", campaign(campaignId, status, version));
        data.put("previousStatus", "draft");
        return record(campaignId, eventId, STATUS_CHANGED, envelope(eventId, STATUS_CHANGED, campaignId, data).toString());
    }

    ProducerRecord<String, String> executionRequested(String eventId, UUID campaignId, UUID extractionId, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.set("campaign", campaign(campaignId, "running", version));
        data.put("extractionId", extractionId.toString());
        return record(campaignId, eventId, EXECUTION_REQUESTED, envelope(eventId, EXECUTION_REQUESTED, campaignId, data).toString());
    }

    /** A status-changed event whose campaign lacks its version: valid envelope, broken contract. */
    ProducerRecord<String, String> withoutVersion(String eventId, UUID campaignId) {
        ObjectNode campaign = campaign(campaignId, "running", 1);
        campaign.remove("version");
        ObjectNode data = JSON.createObjectNode().set("campaign", campaign);
        return record(campaignId, eventId, STATUS_CHANGED, envelope(eventId, STATUS_CHANGED, campaignId, data).toString());
    }

    ProducerRecord<String, String> raw(UUID campaignId, String value) {
        return new ProducerRecord<>(topic, campaignId.toString(), value);
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    private ProducerRecord<String, String> record(UUID campaignId, String eventId, String type, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, campaignId.toString(), value);
        record.headers().add("event-id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ObjectNode envelope(String eventId, String type, UUID campaignId, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", "/hostreach/campaign-service");
        event.put("type", type);
        event.put("subject", campaignId.toString());
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "https://hostreach.io/schemas/events/" + type.substring("io.hostreach.".length()) + ".json");
        event.set("data", data);
        return event;
    }

    private static ObjectNode campaign(UUID id, String status, long version) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id.toString());
        c.put("workspaceId", WORKSPACE.toString());
        c.put("environment", "test");
        c.put("name", "Valencia flats for sale");
        c.put("platform", "idealista");
        c.put("mode", "extract_and_contact");
        c.put("contactMode", "whatsapp");
        c.put("status", status);
        ObjectNode segmentation = c.putObject("segmentation");
        ObjectNode filters = segmentation.putObject("filters");
        filters.put("operation", "sale");
        filters.putObject("location").put("id", "0-EU-ES-VC-46").put("label", "Valencia");
        filters.put("privateOnly", true);
        segmentation.put("expectedResults", 50);
        ObjectNode settings = c.putObject("settings");
        settings.put("scheduledHours", "9,14:30");
        settings.put("scheduledDays", "1,2,3,4,5");
        settings.put("dailyCap", 40);
        c.put("timezone", "Europe/Madrid");
        c.put("country", "ES");
        c.put("version", version);
        c.put("createdAt", "2026-01-05T09:00:00Z");
        c.put("updatedAt", Instant.now().toString());
        c.putNull("startedAt");
        c.putNull("pausedAt");
        c.putNull("completedAt");
        return c;
    }
}
