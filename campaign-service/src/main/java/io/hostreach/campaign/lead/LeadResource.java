package io.hostreach.campaign.lead;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** {@code /leads}: the lead pipeline. */
@ApiScope("leads")
@Path(PublicApi.PREFIX + "/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Leads", description = "Scopes: leads:read for GET, leads:write otherwise")
public class LeadResource {

    private final LeadService leads;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;

    public LeadResource(LeadService leads, CurrentApiKey apiKey, Idempotency idempotency) {
        this.leads = leads;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List leads", description = "Filters: status, campaignId, platform, q (name, phone or email). Newest first.")
    public Uni<PageView<LeadView>> list(@QueryParam("status") String status, @QueryParam("campaignId") String campaignId,
                                        @QueryParam("platform") String platform, @QueryParam("q") String q,
                                        @QueryParam("page") String page, @QueryParam("limit") String limit) {
        return leads.list(apiKey.get(), status, campaignId, platform, q, PageRequest.of(page, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a lead")
    public Uni<LeadView> get(@PathParam("id") String id) {
        return leads.get(apiKey.get(), id);
    }

    @PATCH
    @Path("/{id}/status")
    @Operation(summary = "Move a lead through the pipeline", description = "Any status but PENDING, which only the system sets.")
    public Uni<LeadView> updateStatus(@PathParam("id") String id,
                                      @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadBodies.StatusChange.class), examples = {@ExampleObject(name = "qualified", value = LeadBodies.STATUS_EXAMPLE)})) JsonNode body) {
        return leads.updateStatus(apiKey.get(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase a lead and its personal data")
    public Uni<Response> delete(@PathParam("id") String id) {
        return leads.delete(apiKey.get(), id).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{id}/notes")
    @Operation(summary = "The lead's notes, newest first")
    public Uni<Map<String, List<LeadService.NoteView>>> notes(@PathParam("id") String id) {
        return leads.notes(apiKey.get(), id).map(notes -> Map.of("data", notes));
    }

    @POST
    @Path("/{id}/notes")
    @Operation(summary = "Add a note")
    public Uni<Response> addNote(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") String id,
                                 @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadBodies.Note.class), examples = {@ExampleObject(name = "note", value = LeadBodies.NOTE_EXAMPLE)})) JsonNode body) {
        return idempotency.run(apiKey.get(), idempotencyKey, "POST /leads/" + id + "/notes", body,
                () -> leads.addNote(apiKey.get(), id, body).map(note -> Response.status(201).entity(note).build()));
    }

    @DELETE
    @Path("/{id}/notes/{noteId}")
    @Operation(summary = "Delete a note")
    public Uni<Response> deleteNote(@PathParam("id") String id, @PathParam("noteId") String noteId) {
        return leads.deleteNote(apiKey.get(), id, noteId).replaceWith(Response.noContent().build());
    }
}
