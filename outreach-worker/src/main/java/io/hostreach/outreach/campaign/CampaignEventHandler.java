package io.hostreach.outreach.campaign;

import io.hostreach.platform.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Applies one campaign event: the inbox record and every effect commit in one transaction, or none does. */
@ApplicationScoped
public class CampaignEventHandler {

    /** This consumer's name in the inbox (processed_event.consumer). */
    static final String CONSUMER = "outreach-worker.campaign-events";

    public enum Outcome {
        /** The snapshot is now the stored campaign. */
        APPLIED,
        /** The stored campaign was as new or newer: nothing changed. */
        STALE,
        /** This event id was processed before: nothing was done. */
        DUPLICATE
    }

    private final Inbox inbox;
    private final CampaignRepository campaigns;

    public CampaignEventHandler(Inbox inbox, CampaignRepository campaigns) {
        this.inbox = inbox;
        this.campaigns = campaigns;
    }

    @WithTransaction
    public Uni<Outcome> handle(CampaignEvent event) {
        return inbox.firstDelivery(CONSUMER, event.id(), event.type()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            return campaigns.saveIfNewer(event.campaign(), Instant.now())
                    .map(stored -> stored ? Outcome.APPLIED : Outcome.STALE);
        });
    }
}
