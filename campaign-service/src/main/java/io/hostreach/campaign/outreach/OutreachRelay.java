package io.hostreach.campaign.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Turns outreach-worker's answers into public ones: a 2xx comes back with its JSON; a 4xx becomes the same
 * error in the spec's format (the worker speaks it too); no answer, a timeout or a 5xx is a 503 saying the
 * messaging service is unavailable, never a 500 (it is not our bug, and the client may retry).
 */
@ApplicationScoped
public class OutreachRelay {

    private static final Logger LOG = Logger.getLogger(OutreachRelay.class);

    /** What the worker answered: its status and body (null for a 204). */
    public record Answer(int status, JsonNode body) {
    }

    private final Duration timeout;

    public OutreachRelay(@ConfigProperty(name = "hostreach.outreach-worker.timeout", defaultValue = "PT5S") Duration timeout) {
        this.timeout = timeout;
    }

    public Uni<Answer> call(Uni<Response> call) {
        return call.ifNoItem().after(timeout).fail()
                .map(OutreachRelay::answer)
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithItem(failure -> {
                    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                        return answer(web.getResponse());
                    }
                    LOG.warnf("outreach-worker unavailable: %s", failure.toString());
                    return null;
                })
                .map(answer -> {
                    if (answer == null || answer.status() >= 500) {
                        throw new ApiException(503, "The messaging service is unavailable; retry shortly", List.of(), 5L);
                    }
                    if (answer.status() >= 400) {
                        throw new ApiException(answer.status(), message(answer.body()), List.of(), null);
                    }
                    return answer;
                });
    }

    private static Answer answer(Response response) {
        JsonNode body = null;
        if (response.hasEntity() && response.getStatus() != 204) {
            try {
                body = response.readEntity(JsonNode.class);
            } catch (RuntimeException unreadable) {
                // A body that is not JSON: the status still says what happened.
            }
        }
        return new Answer(response.getStatus(), body);
    }

    private static String message(JsonNode body) {
        String message = body == null ? null : body.path("message").asText(null);
        return message == null || message.isBlank() ? "The request was refused by the messaging service" : message;
    }
}
