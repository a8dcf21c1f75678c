package io.hostreach.extraction.fetch;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * A workspace's fetch route (direct, or through a scraping/unblocker provider): for operators and
 * campaign-service, not part of the public API. The provider key goes in and never comes out.
 */
@Path("/internal/v1/workspaces/{id}/fetch-route")
@Produces(MediaType.APPLICATION_JSON)
public class FetchRouteResource {

    private final FetchRoutes routes;

    public FetchRouteResource(FetchRoutes routes) {
        this.routes = routes;
    }

    @GET
    public Uni<FetchRouteView> get(@PathParam("id") UUID workspaceId) {
        return routes.view(workspaceId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<FetchRouteView> put(@PathParam("id") UUID workspaceId, FetchRouteRequest request) {
        return routes.put(workspaceId, request);
    }

    /** Back to the global route. */
    @DELETE
    public Uni<Void> delete(@PathParam("id") UUID workspaceId) {
        return routes.delete(workspaceId);
    }
}
