package io.hostreach.extraction.portal;

/** What a portal answered: status, content type, body and the URL it came from. */
public record PortalResponse(int status, String contentType, String body, String url) {
}
