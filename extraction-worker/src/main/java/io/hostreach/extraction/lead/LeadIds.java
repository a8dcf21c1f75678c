package io.hostreach.extraction.lead;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Lead ids are name-based (UUID v3) on workspace, environment, portal and listing: the same listing always
 * gives the same lead id, in any run and on any replica, so a repeated capture is recognisable downstream.
 */
public final class LeadIds {

    private LeadIds() {
    }

    public static UUID of(UUID workspaceId, String environment, String portal, String listingId) {
        String name = workspaceId + "|" + environment + "|" + portal + "|" + listingId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
