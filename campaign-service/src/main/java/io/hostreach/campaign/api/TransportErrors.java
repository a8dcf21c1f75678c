package io.hostreach.campaign.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.RejectedExecutionException;

/**
 * Gives the spec's error body to the answers the HTTP layer makes itself, before any resource or mapper runs.
 * <ul>
 * <li>A request URI that is not valid RFC 3986 ({@code %zz}, a raw {@code [}): Quarkus checks this in its HTTP
 * root and answers a bare 400. {@link #takeOverUriValidation()} (called by the main class, and set for the tests
 * by surefire) moves that very check here, as the router's first handler, so no invalid URI reaches any other
 * handler, and the answer is JSON.</li>
 * <li>A request without {@code Host}, a path that does not start with {@code /}, and whatever else fails the
 * routing context rather than reaching a resource (whose exceptions the JAX-RS mappers answer): a failure
 * handler ordered before Quarkus's, which would answer in its own format.</li>
 * </ul>
 * What the HTTP codec refuses before any handler (a request line or headers above
 * {@code quarkus.http.limits.max-initial-line-length} / {@code max-header-size}) stays a bare 414/431.
 */
@ApplicationScoped
public class TransportErrors {

    private static final Logger LOG = Logger.getLogger(TransportErrors.class);

    /** The system property Quarkus's HTTP root reads once, when it loads, to skip its own URI check. */
    public static final String QUARKUS_URI_CHECK_OFF = "vertx.disableURIValidation";

    public static void takeOverUriValidation() {
        System.setProperty(QUARKUS_URI_CHECK_OFF, "true");
    }

    void install(@Observes Router router) {
        // Same check as Quarkus's (java.net.URI), ordered before every other route, BodyLimit included.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String uri = ctx.request().uri();
            String invalid = invalidUri(uri);
            if (invalid == null) {
                ctx.next();
                return;
            }
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(new JsonObject().put("statusCode", 400).put("error", ErrorResponses.reason(400))
                            .put("message", "The request URI is not valid (RFC 3986): " + invalid
                                    + "; percent-encode reserved and non-ASCII characters").encode());
        });
        // First failure handler of every route: a routing-level failure (no Host, a path not starting with '/',
        // a body the HTTP layer refused) would otherwise get Quarkus's own error page format.
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> answer(ctx, statusOf(ctx)));
    }

    /** Why the URI is invalid, or null when it is valid. */
    static String invalidUri(String uri) {
        if (uri == null) {
            return "no request URI";
        }
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() + " at character " + e.getIndex();
        }
    }

    private static int statusOf(RoutingContext ctx) {
        if (ctx.statusCode() >= 400) {
            return ctx.statusCode();
        }
        if (ctx.failure() instanceof RejectedExecutionException) {
            return 503; // the worker pool is full: a retry later will do, as Quarkus's own handler says
        }
        return ctx.failure() instanceof HttpException http && http.getStatusCode() >= 400 ? http.getStatusCode() : 500;
    }

    private static void answer(RoutingContext ctx, int status) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset(); // half an answer is on the wire: end the exchange rather than let it hang
            return;
        }
        String message;
        if (status == 503) {
            message = "The service is busy; retry shortly";
        } else if (status >= 500) {
            // Never a client's fault; the cause goes to the log, not to the caller.
            LOG.errorf(ctx.failure(), "Unhandled failure on %s %s", ctx.request().method(), ctx.request().path());
            message = "An unexpected error occurred; it has been logged";
        } else {
            message = describe(ctx, status);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("statusCode", status).put("error", ErrorResponses.reason(status))
                        .put("message", message).encode());
    }

    private static String describe(RoutingContext ctx, int status) {
        Throwable failure = ctx.failure();
        if (failure instanceof HttpException http && http.getPayload() != null && !http.getPayload().isBlank()) {
            return http.getPayload();
        }
        if (failure != null && failure.getMessage() != null && !failure.getMessage().isBlank()
                && !(failure instanceof HttpException)) {
            return failure.getMessage();
        }
        return switch (status) {
            case 400 -> "The request could not be read: check the path and query string (percent-encoding, UTF-8)";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 413 -> "The request body is too large";
            case 414 -> "The request line is too long";
            case 431 -> "The request headers are too large";
            default -> ErrorResponses.reason(status);
        };
    }
}
