package io.hostreach.extraction.lead;

import java.time.Instant;
import java.util.UUID;

/** The data of a {@code lead.captured} event (the contract campaign-service consumes; see docs/asyncapi.yaml). */
public record LeadCaptured(UUID leadId, UUID campaignId, UUID workspaceId, String environment, UUID extractionId,
                           String source, String advertiserType, String name, String phone, String email,
                           ListingData listing, Instant capturedAt) {

    public static final String SOURCE_PORTAL = "portal";
}
