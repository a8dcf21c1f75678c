package io.hostreach.campaign.platform;

import io.hostreach.campaign.api.ErrorResponses;
import io.hostreach.campaign.campaign.Platform;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.api.WorkerRelay;
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

import java.time.Duration;
import java.util.Optional;

/** {@code /platforms}: the portals, their filter schemas and location search, served by the extraction-worker. */
@ApiScope("platforms")
@Path(PublicApi.PREFIX + "/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = "Scope: platforms:read")
public class PlatformResource {

    private final ExtractionWorkerClient worker;
    private final WorkerRelay relay = new WorkerRelay("extraction-worker", Duration.ofSeconds(5),
            "The platform catalogue is unavailable; retry shortly", "The platform catalogue refused the request", 5L);

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
        return knownPortal(platform).orElseGet(() -> relay(worker.filters(platform)));
    }

    @GET
    @Path("/{platform}/locations")
    @Operation(summary = "Search a portal's locations", description = "Pass a result back unchanged as filters.location.")
    public Uni<Response> locations(@PathParam("platform") String platform, @QueryParam("q") String q,
                                   @QueryParam("limit") String limit) {
        return knownPortal(platform).orElseGet(() -> relay(worker.locations(platform, q, limit)));
    }

    /** A 404 for anything that is not a portal, answered here: the worker is only asked about real portals. */
    private static Optional<Uni<Response>> knownPortal(String platform) {
        if (Platform.PORTALS.contains(platform)) {
            return Optional.empty();
        }
        String shown = platform.length() > 40 ? platform.substring(0, 40) + "…" : platform;
        return Optional.of(Uni.createFrom().item(ErrorResponses.of(404, "Unknown platform '" + shown + "'; one of "
                + String.join(", ", Platform.PORTALS))));
    }

    private Uni<Response> relay(Uni<Response> call) {
        return relay.call(call).map(answer -> Response.status(answer.status()).entity(answer.body())
                .type(MediaType.APPLICATION_JSON_TYPE).build());
    }
}
