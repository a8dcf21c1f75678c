package io.hostreach.outreach.campaign;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** What this worker knows of a campaign: for operators and tests, not part of the public API. */
@Path("/internal/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignRepository campaigns;

    public CampaignResource(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<CampaignView> get(@PathParam("id") UUID id) {
        return campaigns.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("Campaign " + id + " is not known to outreach-worker"))
                .map(CampaignView::of);
    }
}
