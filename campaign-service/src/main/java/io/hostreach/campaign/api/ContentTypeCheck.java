package io.hostreach.campaign.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A {@code Content-Type} that is not a media type at all ({@code garbage}) is a 415 here, before resource
 * matching: an endpoint that accepts several types (the CSV import) would otherwise fail while parsing it.
 */
public class ContentTypeCheck {

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Response check(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return null;
        }
        try {
            MediaType.valueOf(contentType);
            return null;
        } catch (IllegalArgumentException notAMediaType) {
            String shown = contentType.length() > 60 ? contentType.substring(0, 60) + "…" : contentType;
            return ErrorResponses.of(415, "Content-Type '" + shown + "' is not a media type; send application/json "
                    + "(or text/csv, multipart/form-data for a CSV import)");
        }
    }
}
