package io.hostreach.campaign.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a worker's answer into a public one: a 2xx comes back with its JSON; a 4xx becomes the same error in the
 * spec's format (the workers speak it too: message and details kept; a body that is not JSON still keeps its
 * status); no answer, a timeout or a 5xx is a 503 naming the unavailable service, never a 500 (it is not the
 * caller's fault, and a retry may succeed).
 */
public class WorkerRelay {

    /** What the worker answered: its status and body (null for a 204 or a body that is not JSON). */
    public record Answer(int status, JsonNode body) {
    }

    private static final Logger LOG = Logger.getLogger(WorkerRelay.class);

    private final String worker;
    private final Duration timeout;
    private final String unavailable;
    private final String refused;
    private final long retryAfterSeconds;

    /**
     * @param worker      the service's name, for the log
     * @param unavailable the 503's message
     * @param refused     a 4xx's message when the worker's body gives none
     */
    public WorkerRelay(String worker, Duration timeout, String unavailable, String refused, long retryAfterSeconds) {
        this.worker = worker;
        this.timeout = timeout;
        this.unavailable = unavailable;
        this.refused = refused;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Uni<Answer> call(Uni<Response> call) {
        return call.ifNoItem().after(timeout).fail()
                .map(WorkerRelay::answer)
                .onFailure(failure -> !(failure instanceof ApiException)).recoverWithItem(failure -> {
                    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                        return answer(web.getResponse());
                    }
                    LOG.warnf("%s unavailable: %s", worker, failure.toString());
                    return null;
                })
                .map(answer -> {
                    if (answer == null || answer.status() >= 500) {
                        throw new ApiException(503, unavailable, List.of(), retryAfterSeconds);
                    }
                    if (answer.status() >= 400) {
                        throw new ApiException(answer.status(), message(answer.body()), details(answer.body()), null);
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

    private String message(JsonNode body) {
        String message = body == null ? null : body.path("message").asText(null);
        return message == null || message.isBlank() ? refused : message;
    }

    private static List<ApiError.FieldError> details(JsonNode body) {
        List<ApiError.FieldError> details = new ArrayList<>();
        if (body != null) {
            body.path("details").forEach(d -> details.add(new ApiError.FieldError(d.path("field").asText(), d.path("message").asText())));
        }
        return details;
    }
}
