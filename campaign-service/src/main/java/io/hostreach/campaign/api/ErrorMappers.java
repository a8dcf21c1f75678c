package io.hostreach.campaign.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import io.vertx.pgclient.PgException;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/**
 * Maps every failure to the spec's JSON error: client errors with a sentence that names the field and
 * the rule, our own bugs as a bare 500 (logged here, never shown).
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** What a duplicate means, per unique constraint a client can run into. */
    private static final java.util.Map<String, String> UNIQUE_MESSAGES = java.util.Map.of(
            "whatsapp_account_phone_number", "A WhatsApp account with this phoneNumberId is already connected in this "
                    + "workspace; use it (GET /accounts) or disconnect it first");

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response response = ErrorResponses.of(e.status(), e.getMessage(), e.details());
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return ErrorResponses.of(400, "Unknown field '" + path(e) + "'");
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return ErrorResponses.of(400, path(e) + " has an invalid value");
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String path = path(e);
        return ErrorResponses.of(400, path.isEmpty() ? "Request body is not valid JSON for this endpoint"
                : path + " has the wrong type");
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return ErrorResponses.of(400, "Request body is not valid JSON");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ErrorResponses.of(404, "No such resource");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response response = ErrorResponses.of(405, "Method not allowed on this resource; allowed: "
                + String.join(", ", e.getResponse().getAllowedMethods()));
        return Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return ErrorResponses.of(415, "Content-Type must be application/json");
    }

    @ServerExceptionMapper(priority = 5000)
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return ErrorResponses.of(status, "Internal server error");
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        return ErrorResponses.of(status, ErrorResponses.reason(status));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentUpdate(Exception e) {
        return ErrorResponses.of(409, "The resource was changed by another request at the same time; retry");
    }

    @ServerExceptionMapper(priority = 9000)
    public Response bug(Throwable e) {
        Throwable cause = unwrap(e);
        if (cause != e) {
            if (cause instanceof ApiException api) {
                return api(api);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleObjectStateException) {
                return concurrentUpdate((Exception) cause);
            }
        }
        String constraint = uniqueViolation(e);
        if (constraint != null) {
            // A uniqueness rule the database enforces (a duplicate, or a race: one running widget, one active job).
            return ErrorResponses.of(409, UNIQUE_MESSAGES.getOrDefault(constraint,
                    "The request conflicts with an existing resource or a concurrent change; retry or change it"));
        }
        LOG.error("unexpected failure", e);
        return ErrorResponses.of(500, "Internal server error");
    }

    /** The unique constraint a failure broke, wherever in the cause chain the driver or Hibernate put it; else null. */
    static String uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && UNIQUE_VIOLATION.equals(cve.getSQLState())) {
                return cve.getConstraintName() == null ? "" : cve.getConstraintName();
            }
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return pg.getConstraint() == null ? "" : pg.getConstraint();
            }
            if (t instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return "";
            }
        }
        return null;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof ApiException)) {
            current = current.getCause();
        }
        return current;
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        return "";
    }
}
