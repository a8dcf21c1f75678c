package io.hostreach.campaign.suppression;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.hostreach.campaign.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.hostreach.campaign.messaging.MessagingBodies;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /suppressions}: the workspace's do-not-contact list (per environment), checked before every message
 * and every manual task. outreach-worker keeps it; opt-out replies and WhatsApp's own opt-out errors add to it.
 */
@ApiScope("messaging")
@Path(PublicApi.PREFIX + "/suppressions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Suppressions", description = "Scopes: messaging:read for GET, messaging:write otherwise. The workspace-wide "
        + "do-not-contact list of this key's environment; numbers in E.164.")
public class SuppressionResource {

    private final SuppressionService suppressions;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;

    public SuppressionResource(SuppressionService suppressions, CurrentApiKey apiKey, Idempotency idempotency) {
        this.suppressions = suppressions;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List suppressed numbers", description = "Newest first.")
    public Uni<PageView<SuppressionService.SuppressionView>> list(@QueryParam("page") String page,
                                                                  @QueryParam("limit") String limit) {
        return suppressions.list(apiKey.get(), PageRequest.of(page, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suppress a number", description = "`phone` in any usual format (a number without + is read in the "
            + "workspace's country); `reason` optional, up to 255 characters. 201 when added, 200 when it was on the list "
            + "already (its first reason stays). Ends the sequences of every lead with that number.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MessagingBodies.Suppression.class), examples = @ExampleObject(name = "suppress",
            value = "{\"phone\": \"+34612345678\", \"reason\": \"Asked not to be contacted by phone\"}")))
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "200", description = "Already on the list")
    public Uni<Response> add(@HeaderParam(Idempotency.HEADER) String idempotencyKey, JsonNode body) {
        return idempotency.runAcrossServices(apiKey.get(), idempotencyKey, "POST /suppressions", body,
                () -> suppressions.add(apiKey.get(), body)
                        .map(added -> Response.status(added.created() ? 201 : 200).entity(added.view()).build()));
    }

    @DELETE
    @Operation(summary = "Remove a number from the list", description = "`?phone=%2B34612345678`; 404 when it is not on it.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> removeByQuery(@QueryParam("phone") String phone) {
        return suppressions.remove(apiKey.get(), phone).replaceWith(Response.noContent().build());
    }

    @DELETE
    @Path("/{phone}")
    @Operation(summary = "Remove a number from the list (number in the path)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> remove(@PathParam("phone") String phone) {
        return suppressions.remove(apiKey.get(), phone).replaceWith(Response.noContent().build());
    }
}
