package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.workspace.Workspace;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.Topics;
import io.hostreach.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * Announces campaign changes on {@code campaign-events} through the outbox. Each event carries the whole
 * campaign configuration (event-carried state), with the timezone and country resolved, so the
 * workers never call back.
 */
@ApplicationScoped
public class CampaignEvents {

    static final String SOURCE = "/hostreach/campaign-service";

    private final Outbox outbox;
    private final CampaignJson json;
    private final String topic;

    public CampaignEvents(Outbox outbox, CampaignJson json, @ConfigProperty(name = Topics.CAMPAIGN_EVENTS) String topic) {
        this.outbox = outbox;
        this.json = json;
        this.topic = topic;
    }

    /** {@code extractionId}: the job of the campaign's first run, when this start queued one. */
    public Uni<Void> statusChanged(Campaign campaign, Workspace workspace, String previousStatus, UUID extractionId) {
        ObjectNode data = snapshot(campaign, workspace);
        data.put("previousStatus", previousStatus);
        if (extractionId != null) {
            data.put("extractionId", extractionId.toString());
        }
        return append(EventTypes.CAMPAIGN_STATUS_CHANGED, campaign, data);
    }

    public Uni<Void> updated(Campaign campaign, Workspace workspace) {
        return append(EventTypes.CAMPAIGN_UPDATED, campaign, snapshot(campaign, workspace));
    }

    public Uni<Void> executionRequested(Campaign campaign, Workspace workspace, UUID extractionId) {
        ObjectNode data = snapshot(campaign, workspace);
        data.put("extractionId", extractionId.toString());
        return append(EventTypes.CAMPAIGN_EXECUTION_REQUESTED, campaign, data);
    }

    private Uni<Void> append(String type, Campaign campaign, ObjectNode data) {
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), SOURCE, type, campaign.id.toString(),
                Instant.now(), data);
        return outbox.append(topic, campaign.id.toString(), event).replaceWithVoid();
    }

    private ObjectNode snapshot(Campaign c, Workspace workspace) {
        ObjectNode settings = json.read(c.settings);
        ObjectNode campaign = JsonNodeFactory.instance.objectNode();
        campaign.put("id", c.id.toString());
        campaign.put("workspaceId", c.workspaceId.toString());
        campaign.put("environment", c.environment);
        campaign.put("name", c.name);
        campaign.put("platform", c.platform);
        campaign.put("mode", c.mode);
        campaign.put("contactMode", c.contactMode);
        campaign.put("status", c.status);
        campaign.set("segmentation", json.read(c.segmentation));
        campaign.set("settings", settings);
        campaign.put("timezone", settings.hasNonNull("timezone") ? settings.get("timezone").asText() : workspace.timezone);
        campaign.put("country", workspace.country);
        // Callers flush first, so this is the version the change commits with.
        campaign.put("version", c.version);
        campaign.put("createdAt", c.createdAt.toString());
        campaign.put("updatedAt", c.updatedAt.toString());
        putInstant(campaign, "startedAt", c.startedAt);
        putInstant(campaign, "pausedAt", c.pausedAt);
        putInstant(campaign, "completedAt", c.completedAt);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("campaign", campaign);
        return data;
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toString());
        }
    }
}
