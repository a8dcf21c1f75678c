package io.hostreach.campaign.widget;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.ApiError;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.platform.outbox.OutboxRelay;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The widget intake, {@code /widget/{widgetKey}/…} under the public prefix like every public endpoint, but
 * without an API key: the page's visitor posts directly. {@link WidgetCorsFilter} has already resolved the key
 * and checked the origin; here come the rate limits, the honeypot, validation and the capture.
 */
@Path(PublicApi.PREFIX + "/widget/{widgetKey}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Widget", description = "The website widget's intake: no API key; CORS for the workspace's allowed origins only")
public class WidgetIntakeResource {

    /** A widget request is a few short fields; anything much larger is not one. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final WidgetRequest widget;
    private final WidgetRateLimits limits;
    private final WidgetIntake intake;
    private final OutboxRelay relay;

    public WidgetIntakeResource(WidgetRequest widget, WidgetRateLimits limits, WidgetIntake intake, OutboxRelay relay) {
        this.widget = widget;
        this.limits = limits;
        this.intake = intake;
        this.relay = relay;
    }

    @Schema(name = "WidgetLeadAccepted")
    public record Accepted(@Schema(examples = "true") boolean received) {
    }

    @Schema(name = "WidgetConfig")
    public record Config(String consentText) {
    }

    @POST
    @Path("/leads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a visitor's request from the website widget",
            description = "No API key. The lead joins the workspace's running widget campaign (live) with its consent "
                    + "recorded (text, time, page, salted hash of the address) and is contacted at the first allowed time. "
                    + "A phone already known updates its lead. Browsers may post only from the workspace's allowed origins "
                    + "(403 otherwise); rate-limited per address and per widget key (429 with Retry-After).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WidgetLeadRequest.class),
            examples = @ExampleObject(name = "request", value = "{\"name\": \"Carmen López\", \"phone\": \"612 34 56 78\", "
                    + "\"email\": \"carmen@example.com\", \"message\": \"I want to sell my flat\", \"consent\": true, "
                    + "\"pageUrl\": \"https://www.agenciasol.es/vender\"}")))
    @APIResponse(responseCode = "202", description = "Received", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "403", description = "The page's origin is not allowed for this widget",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown widget key", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "No widget campaign is running in the workspace",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "Body larger than 16 KB", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "Too many submissions from this address or for this widget",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> submit(@PathParam("widgetKey") String widgetKey, @HeaderParam("Content-Length") String contentLength,
                                JsonNode body) {
        if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > MAX_BODY_BYTES) {
            throw new ApiException(413, "Request body must be at most " + MAX_BODY_BYTES + " bytes", java.util.List.of(), null);
        }
        WidgetRequest.KeyOwner owner = widget.get();
        limits.acquire(owner.clientIp(), owner.widgetKey());
        Response accepted = Response.accepted(new Accepted(true)).build();
        if (WidgetLeadRequest.isBot(body)) {
            // Looks like success to the robot; nothing is stored or announced.
            return Uni.createFrom().item(accepted);
        }
        WidgetLeadRequest request = WidgetLeadRequest.parse(body, owner.country());
        return intake.submit(owner, request).invoke(created -> {
            if (created) {
                relay.kick();
            }
        }).replaceWith(accepted);
    }

    @OPTIONS
    @Path("/leads")
    @NonBlocking
    @Operation(summary = "CORS preflight of the intake", description = "204 with Access-Control-Allow-* for an allowed "
            + "Origin; 403 without them for any other.")
    @APIResponse(responseCode = "204", description = "The origin may post")
    @APIResponse(responseCode = "403", description = "The origin is not allowed", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response preflight(@PathParam("widgetKey") String widgetKey) {
        return Response.noContent().build();
    }

    @GET
    @Path("/config")
    @NonBlocking
    @Operation(summary = "What the widget shows", description = "The consent text the visitor agrees to (recorded with "
            + "each lead). No API key; CORS for the allowed origins.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Config.class)))
    public Config config(@PathParam("widgetKey") String widgetKey) {
        return new Config(widget.get().consentText());
    }
}
