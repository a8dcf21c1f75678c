package io.hostreach.campaign.platform;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The extraction-worker's internal catalogue: it is the service that knows the portals (filter schemas,
 * location search, live lookups). Answers are passed through as they come.
 */
@RegisterRestClient(configKey = "extraction-worker")
@Path("/internal/v1/platforms")
public interface ExtractionWorkerClient {

    @GET
    Uni<Response> platforms();

    @GET
    @Path("/{platform}/filters")
    Uni<Response> filters(@PathParam("platform") String platform);

    @GET
    @Path("/{platform}/locations")
    Uni<Response> locations(@PathParam("platform") String platform, @QueryParam("q") String q,
                            @QueryParam("limit") String limit);
}
