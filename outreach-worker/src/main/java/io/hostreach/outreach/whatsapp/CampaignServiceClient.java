package io.hostreach.outreach.whatsapp;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** campaign-service's internal API, as outreach uses it (base URL: {@code hostreach.campaign-service.url}). */
@RegisterRestClient(configKey = "campaign-service")
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CampaignServiceClient {

    String TOKEN_HEADER = "X-Internal-Token";

    @GET
    @Path("accounts/{id}")
    Uni<Account> account(@HeaderParam(TOKEN_HEADER) String token, @PathParam("id") String id);

    @GET
    @Path("templates/{id}")
    Uni<Template> template(@HeaderParam(TOKEN_HEADER) String token, @PathParam("id") String id);
}
