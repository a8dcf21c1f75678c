package io.hostreach.campaign.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * outreach-worker's internal API: it owns the suppression list, manual tasks and the send log, so the
 * public {@code /suppressions} and {@code /messaging} endpoints ask it. Every call carries the shared
 * internal token; answers come back as they are ({@link OutreachRelay} turns them into public answers).
 */
@RegisterRestClient(configKey = "outreach-worker")
@Path("/internal/v1")
@ClientHeaderParam(name = "X-Internal-Token", value = "${hostreach.internal.token}")
public interface OutreachWorkerClient {

    @GET
    @Path("/workspaces/{workspaceId}/suppressions")
    Uni<Response> suppressions(@PathParam("workspaceId") UUID workspaceId, @QueryParam("environment") String environment,
                               @QueryParam("page") int page, @QueryParam("limit") int limit);

    @POST
    @Path("/workspaces/{workspaceId}/suppressions")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> suppress(@PathParam("workspaceId") UUID workspaceId, @QueryParam("environment") String environment,
                           JsonNode body);

    /** {@code {phones: [...]}} → {@code {suppressed: [...]}}: which of an import's numbers are on the list. */
    @POST
    @Path("/workspaces/{workspaceId}/suppressions/check")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> checkSuppressions(@PathParam("workspaceId") UUID workspaceId, @QueryParam("environment") String environment,
                                    JsonNode body);

    @DELETE
    @Path("/workspaces/{workspaceId}/suppressions/{phone}")
    Uni<Response> unsuppress(@PathParam("workspaceId") UUID workspaceId, @PathParam("phone") String phone,
                             @QueryParam("environment") String environment);

    @GET
    @Path("/workspaces/{workspaceId}/tasks")
    Uni<Response> tasks(@PathParam("workspaceId") UUID workspaceId, @QueryParam("environment") String environment,
                        @QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("limit") int limit);

    @POST
    @Path("/workspaces/{workspaceId}/tasks/{taskId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> completeTask(@PathParam("workspaceId") UUID workspaceId, @PathParam("taskId") UUID taskId,
                               @QueryParam("environment") String environment, JsonNode body);

    @POST
    @Path("/workspaces/{workspaceId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> send(@PathParam("workspaceId") UUID workspaceId, @QueryParam("environment") String environment,
                       JsonNode body);
}
