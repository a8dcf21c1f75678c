package io.hostreach.campaign.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.auth.ApiKeyService;
import io.hostreach.campaign.workspace.WorkspaceService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operator endpoints: workspaces and their API keys. */
@AdminApi
@Path("/admin/v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operator API, guarded by Authorization: Bearer <HOSTREACH_ADMIN_TOKEN>")
public class AdminResource {

    private final WorkspaceService workspaces;
    private final ApiKeyService apiKeys;

    public AdminResource(WorkspaceService workspaces, ApiKeyService apiKeys) {
        this.workspaces = workspaces;
        this.apiKeys = apiKeys;
    }

    @POST
    @Operation(summary = "Create a workspace")
    public Uni<Response> createWorkspace(JsonNode body) {
        return workspaces.create(body).map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a workspace")
    public Uni<WorkspaceService.WorkspaceView> getWorkspace(@PathParam("id") String id) {
        return workspaces.get(id);
    }

    @POST
    @Path("/{id}/api-keys")
    @Operation(summary = "Create an API key; the full key is in this answer only")
    public Uni<Response> createKey(@PathParam("id") String workspaceId, JsonNode body) {
        return apiKeys.create(workspaceId, body).map(view -> Response.status(201).entity(view).build());
    }

    @DELETE
    @Path("/{id}/api-keys/{keyId}")
    @Operation(summary = "Revoke an API key at once")
    public Uni<Response> revokeKey(@PathParam("id") String workspaceId, @PathParam("keyId") String keyId) {
        return apiKeys.revoke(workspaceId, keyId).replaceWith(Response.noContent().build());
    }
}
