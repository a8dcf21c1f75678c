package io.hostreach.campaign.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} (10 MB: CSV imports) with the spec's
 * 413 JSON error, before anything reads it. Quarkus would refuse it too, but with an empty body. A chunked
 * body without Content-Length that grows past the limit is still cut off by Quarkus itself.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        // Right after the URI check (TransportErrors).
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length)) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(new JsonObject().put("statusCode", 413).put("error", ErrorResponses.reason(413))
                                .put("message", "The request body is larger than the limit of " + describe() + " (a CSV "
                                        + "import must be at most 10 MB; split the file)").encode());
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String describe() {
        return maxBytes % (1024 * 1024) == 0 ? (maxBytes / (1024 * 1024)) + " MB" : maxBytes + " bytes";
    }
}
