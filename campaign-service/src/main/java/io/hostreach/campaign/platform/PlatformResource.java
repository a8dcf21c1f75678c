package io.hostreach.campaign.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.ErrorResponses;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;

/** {@code /platforms}: the portals, their filter schemas and location search, served by the extraction-worker. */
@ApiScope("platforms")
@Path(PublicApi.PREFIX + "/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = "Scope: platforms:read")
public class PlatformResource {

    private static final Logger LOG = Logger.getLogger(PlatformResource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ExtractionWorkerClient worker;

    public PlatformResource(@RestClient ExtractionWorkerClient worker) {
        this.worker = worker;
    }

    @GET
    @Operation(summary = "The portals", description = "Country, currency, and whether location search is live.")
    public Uni<Response> platforms() {
        return relay(worker.platforms());
    }

    @GET
    @Path("/{platform}/filters")
    @Operation(summary = "JSON Schema of a portal's segmentation.filters")
    public Uni<Response> filters(@PathParam("platform") String platform) {
        return relay(worker.filters(platform));
    }

    @GET
    @Path("/{platform}/locations")
    @Operation(summary = "Search a portal's locations", description = "Pass a result back unchanged as filters.location.")
    public Uni<Response> locations(@PathParam("platform") String platform, @QueryParam("q") String q,
                                   @QueryParam("limit") String limit) {
        return relay(worker.locations(platform, q, limit));
    }

    /** The worker's answer as it is (its errors are in the same format); its absence is a clear 503. */
    private Uni<Response> relay(Uni<Response> call) {
        return call.ifNoItem().after(TIMEOUT).fail()
                .map(response -> Response.status(response.getStatus())
                        .entity(response.readEntity(JsonNode.class)).type(MediaType.APPLICATION_JSON_TYPE).build())
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
                        return Response.status(web.getResponse().getStatus())
                                .entity(web.getResponse().readEntity(JsonNode.class))
                                .type(MediaType.APPLICATION_JSON_TYPE).build();
                    }
                    LOG.warnf("extraction-worker catalogue unavailable: %s", failure.toString());
                    return ErrorResponses.of(503, "The platform catalogue is unavailable; retry shortly");
                });
    }
}
