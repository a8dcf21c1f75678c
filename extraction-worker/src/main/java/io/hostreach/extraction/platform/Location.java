package io.hostreach.extraction.platform;

/**
 * A place as location search answers it and as a campaign stores it in {@code segmentation.filters.location}:
 * the portal's own id, a human label, the kind of place, and the id of the enclosing place (null at the top).
 */
public record Location(String id, String label, String type, String parent) {
}
