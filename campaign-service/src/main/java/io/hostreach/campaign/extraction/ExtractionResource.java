package io.hostreach.campaign.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.hostreach.campaign.campaign.CampaignService;
import io.hostreach.campaign.idempotency.Idempotency;
import io.hostreach.campaign.lead.LeadView;
import io.hostreach.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** {@code /extractions}: one-shot extraction runs and their leads. */
@ApiScope("extractions")
@Path(PublicApi.PREFIX + "/extractions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Extractions", description = "Scopes: extractions:read for GET, extractions:write otherwise. "
        + "Poll GET /extractions/{id} every 5-10 s, or subscribe to the extraction.completed webhook.")
public class ExtractionResource {

    private final CampaignService campaigns;
    private final ExtractionService extractions;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;
    private final OutboxRelay relay;

    public ExtractionResource(CampaignService campaigns, ExtractionService extractions, CurrentApiKey apiKey,
                              Idempotency idempotency, OutboxRelay relay) {
        this.campaigns = campaigns;
        this.extractions = extractions;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
        this.relay = relay;
    }

    /** The 202 answer of {@code POST /extractions}. */
    public record Accepted(UUID extractionId, UUID campaignId, String status, String platform, int maxResults,
                           String message) {
    }

    @POST
    @Operation(summary = "Start a one-shot extraction", description = "{platform, filters, maxResults}: creates an "
            + "extract_only campaign for the run and queues it.")
    @APIResponse(responseCode = "202")
    public Uni<Response> start(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExtractionBodies.Start.class), examples = {@ExampleObject(name = "fotocasa", value = ExtractionBodies.START_EXAMPLE)})) JsonNode body) {
        return idempotency.run(apiKey.get(), idempotencyKey, "POST /extractions", body,
                () -> campaigns.startExtraction(apiKey.get(), body)
                        .invoke(relay::kick)
                        .map(job -> Response.accepted(new Accepted(job.id, job.campaignId, job.status, job.platform,
                                job.expectedResults, "Extraction queued; poll GET /extractions/" + job.id)).build()));
    }

    @GET
    @Operation(summary = "List extraction jobs", description = "Newest first.")
    public Uni<PageView<ExtractionJobView>> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        return extractions.list(apiKey.get(), PageRequest.of(page, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an extraction job")
    public Uni<ExtractionJobView> get(@PathParam("id") String id) {
        return extractions.get(apiKey.get(), id);
    }

    @GET
    @Path("/{id}/leads")
    @Operation(summary = "The leads an extraction captured")
    public Uni<PageView<LeadView>> leads(@PathParam("id") String id, @QueryParam("page") String page,
                                         @QueryParam("limit") String limit) {
        return extractions.leads(apiKey.get(), id, PageRequest.of(page, limit));
    }
}
