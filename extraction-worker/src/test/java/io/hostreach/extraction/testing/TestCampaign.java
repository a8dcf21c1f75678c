package io.hostreach.extraction.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign as campaign-service announces it (the snapshot of its events), in a workspace of its own so no
 * other test's leads count as its duplicates. Each snapshot taken gets the next version.
 */
public final class TestCampaign {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final UUID id = UUID.randomUUID();
    public final UUID workspaceId = UUID.randomUUID();
    private final String platform;
    private final ObjectNode filters;
    private String environment = "live";
    private int expectedResults = 50;
    private ObjectNode settings = JSON.createObjectNode();
    private String timezone = "Europe/Madrid";
    private Instant updatedAt;
    private long version;

    private TestCampaign(String platform, ObjectNode filters) {
        this.platform = platform;
        this.filters = filters;
    }

    /** A portal campaign searching {@code operation} in the place {@code locationId} / {@code label}. */
    public static TestCampaign portal(String platform, String operation, String locationId, String label) {
        ObjectNode filters = JSON.createObjectNode();
        filters.put("operation", operation);
        filters.putObject("location").put("id", locationId).put("label", label);
        return new TestCampaign(platform, filters);
    }

    public TestCampaign filter(String key, Object value) {
        filters.set(key, JSON.valueToTree(value));
        return this;
    }

    public TestCampaign environment(String environment) {
        this.environment = environment;
        return this;
    }

    public TestCampaign expectedResults(int expectedResults) {
        this.expectedResults = expectedResults;
        return this;
    }

    public TestCampaign schedule(String hours, String days, String timezone) {
        settings.put("scheduledHours", hours).put("scheduledDays", days);
        this.timezone = timezone;
        return this;
    }

    /** campaign-service's time of the change the next snapshot announces (default: now). */
    public TestCampaign updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    public String platform() {
        return platform;
    }

    /** The next version of the campaign, in this status. */
    public ObjectNode snapshot(String status) {
        version++;
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id.toString());
        c.put("workspaceId", workspaceId.toString());
        c.put("environment", environment);
        c.put("name", platform + " test campaign");
        c.put("platform", platform);
        c.put("mode", "extract_only");
        c.put("contactMode", "whatsapp");
        c.put("status", status);
        ObjectNode segmentation = c.putObject("segmentation");
        segmentation.set("filters", filters.deepCopy());
        segmentation.put("expectedResults", expectedResults);
        c.set("settings", settings.deepCopy());
        c.put("timezone", timezone);
        c.put("country", "ES");
        c.put("version", version);
        c.put("createdAt", "2026-01-05T09:00:00Z");
        c.put("updatedAt", (updatedAt == null ? Instant.now() : updatedAt).toString());
        c.putNull("startedAt");
        c.putNull("pausedAt");
        c.putNull("completedAt");
        return c;
    }
}
