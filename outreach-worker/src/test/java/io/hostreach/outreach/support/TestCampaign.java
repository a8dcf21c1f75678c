package io.hostreach.outreach.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign as campaign-service announces it (the snapshot inside every campaign event), written by
 * hand from the contract. Mutable on purpose: a test changes its status and republishes it.
 */
public final class TestCampaign {

    static final ObjectMapper JSON = new ObjectMapper();

    public final UUID id;
    public UUID workspaceId = UUID.randomUUID();
    public String environment = "live";
    public String platform = "idealista";
    public String mode = "extract_and_contact";
    public String contactMode = "whatsapp";
    public String status = "running";
    public String timezone = "Europe/Madrid";
    public String country = "ES";
    public long version = 1;
    public final ObjectNode settings = JSON.createObjectNode();
    public final ObjectNode segmentation = JSON.createObjectNode();

    public TestCampaign() {
        this(UUID.randomUUID());
    }

    public TestCampaign(UUID id) {
        this.id = id;
        ObjectNode filters = segmentation.putObject("filters");
        filters.put("operation", "sale");
        filters.putObject("location").put("id", "0-EU-ES-VC-46").put("label", "Valencia");
        filters.put("privateOnly", true);
        segmentation.put("expectedResults", 50);
        settings.putArray("sequence");
    }

    public TestCampaign account(String accountId) {
        settings.put("accountId", accountId);
        return this;
    }

    public TestCampaign templateStep(String templateId, double delayHours) {
        ((ArrayNode) settings.get("sequence")).addObject().put("templateId", templateId).put("delayHours", delayHours);
        return this;
    }

    public TestCampaign textStep(String text, double delayHours) {
        ((ArrayNode) settings.get("sequence")).addObject().put("text", text).put("delayHours", delayHours);
        return this;
    }

    public TestCampaign test() {
        environment = "test";
        return this;
    }

    public TestCampaign manual() {
        contactMode = "whatsapp-no-api";
        return this;
    }

    public TestCampaign status(String newStatus) {
        status = newStatus;
        version++;
        return this;
    }

    public ObjectNode snapshot() {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id.toString());
        c.put("workspaceId", workspaceId.toString());
        c.put("environment", environment);
        c.put("name", "Valencia flats " + id.toString().substring(0, 8));
        c.put("platform", platform);
        c.put("mode", mode);
        c.put("contactMode", contactMode);
        c.put("status", status);
        c.set("segmentation", segmentation);
        c.set("settings", settings);
        c.put("timezone", timezone);
        c.put("country", country);
        c.put("version", version);
        c.put("createdAt", "2026-01-05T09:00:00Z");
        c.put("updatedAt", Instant.now().toString());
        return c;
    }
}
