package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.ApiError;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.hostreach.campaign.idempotency.Idempotency;
import io.hostreach.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /campaigns}: create, list, read, update, delete, change status, execute. */
@ApiScope("campaigns")
@Path(PublicApi.PREFIX + "/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Scopes: campaigns:read for GET, campaigns:write otherwise")
public class CampaignResource {

    private final CampaignService campaigns;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;
    private final OutboxRelay relay;
    private final CampaignStatsService stats;

    public CampaignResource(CampaignService campaigns, CurrentApiKey apiKey, Idempotency idempotency, OutboxRelay relay,
                            CampaignStatsService stats) {
        this.campaigns = campaigns;
        this.stats = stats;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
        this.relay = relay;
    }

    @POST
    @Operation(summary = "Create a campaign", description = "Always created in draft; use PATCH /campaigns/{id}/status to run it.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignBodies.Create.class), examples = {@ExampleObject(name = "portal", value = CampaignBodies.CREATE_EXAMPLE)})) JsonNode body) {
        return idempotency.run(apiKey.get(), idempotencyKey, "POST /campaigns", body,
                () -> campaigns.create(apiKey.get(), body).map(view -> Response.status(201).entity(view).build()));
    }

    @GET
    @Operation(summary = "List campaigns", description = "Newest first.")
    public Uni<PageView<CampaignView>> list(@QueryParam("status") String status, @QueryParam("platform") String platform,
                                            @QueryParam("page") @Parameter(schema = @Schema(minimum = "1")) String page,
                                            @QueryParam("limit") @Parameter(schema = @Schema(minimum = "1", maximum = "100")) String limit) {
        return campaigns.list(apiKey.get(), status, platform, PageRequest.of(page, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a campaign")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<CampaignView> get(@PathParam("id") String id) {
        return campaigns.get(apiKey.get(), id);
    }

    @GET
    @Path("/{id}/stats")
    @Operation(summary = "The campaign's funnel", description = "captured → contacted → delivered → read → replied, "
            + "leads by status, messages by status, failures by reason, opt-outs, reply rate, extraction runs.")
    public Uni<CampaignStatsService.Stats> stats(@PathParam("id") String id) {
        return stats.stats(apiKey.get(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Update a campaign", description = "name, mode, contactMode, segmentation, settings; "
            + "segmentation and settings merge key by key. In draft and paused; while running only name and settings.dailyCap.")
    public Uni<CampaignView> update(@PathParam("id") String id,
                                    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignBodies.Update.class), examples = {@ExampleObject(name = "rename", value = CampaignBodies.UPDATE_EXAMPLE)})) JsonNode body) {
        return campaigns.update(apiKey.get(), id, body).invoke(relay::kick);
    }

    @PATCH
    @Path("/{id}/status")
    @Operation(summary = "Change a campaign's status", description = "draft→running, running→paused, paused→running, "
            + "running|paused→completed. The same status again is a no-op.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<CampaignView> changeStatus(@PathParam("id") String id,
                                          @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignBodies.StatusChange.class), examples = {@ExampleObject(name = "run", value = CampaignBodies.STATUS_EXAMPLE)})) JsonNode body) {
        return campaigns.changeStatus(apiKey.get(), id, body)
                .invoke(change -> {
                    if (change.changed()) {
                        relay.kick();
                    }
                })
                .map(CampaignService.StatusChange::campaign);
    }

    @POST
    @Path("/{id}/execute")
    @Operation(summary = "Run an extraction now", description = "Portal campaigns that are running. Answers the active job when one is queued or running.")
    @APIResponse(responseCode = "202")
    public Uni<Response> execute(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") String id) {
        return idempotency.run(apiKey.get(), idempotencyKey, "POST /campaigns/" + id + "/execute", null,
                () -> campaigns.execute(apiKey.get(), id)
                        .invoke(request -> {
                            if (request.created()) {
                                relay.kick();
                            }
                        })
                        .map(request -> Response.accepted(request.job()).build()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a campaign", description = "Only draft or completed campaigns; erases its leads' personal data.")
    @APIResponse(responseCode = "204")
    public Uni<Response> delete(@PathParam("id") String id) {
        return campaigns.delete(apiKey.get(), id).replaceWith(Response.noContent().build());
    }
}
