package io.hostreach.extraction.lead;

import java.util.UUID;

/** A listing a run has read, to remember for the campaign; {@code leadId} when it became a lead. */
public record SeenRow(String portal, String listingId, UUID leadId) {
}
