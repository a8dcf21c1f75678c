package io.hostreach.outreach.campaign;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.UUID;

/** The projection as the internal endpoint shows it; segmentation and settings are the stored JSON. */
public record CampaignView(UUID id, UUID workspaceId, String environment, String name, String platform, String mode,
                           String contactMode, String status, @JsonRawValue String segmentation,
                           @JsonRawValue String settings, String timezone, String country, long version,
                           Instant updatedAt, Instant receivedAt) {

    static CampaignView of(Campaign c) {
        return new CampaignView(c.id, c.workspaceId, c.environment, c.name, c.platform, c.mode, c.contactMode,
                c.status, c.segmentation, c.settings, c.timezone, c.country, c.version, c.updatedAt, c.receivedAt);
    }
}
