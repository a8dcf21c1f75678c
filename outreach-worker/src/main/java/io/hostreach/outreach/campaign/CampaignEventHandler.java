package io.hostreach.outreach.campaign;

import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.enrolment.EnrolmentService;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

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

    private static final String COMPLETED = "completed";
    private static final String RUNNING = "running";

    private final Inbox inbox;
    private final CampaignRepository campaigns;
    private final EnrolmentService enrolment;

    public CampaignEventHandler(Inbox inbox, CampaignRepository campaigns, EnrolmentService enrolment) {
        this.inbox = inbox;
        this.campaigns = campaigns;
        this.enrolment = enrolment;
    }

    @WithTransaction
    public Uni<Outcome> handle(CampaignEvent event) {
        return inbox.firstDelivery(CONSUMER, event.id(), event.type()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            return campaigns.saveIfNewerAndGet(event.campaign(), Instant.now()).chain(stored -> stored == null
                    ? Uni.createFrom().item(Outcome.STALE)
                    : applied(event, stored).replaceWith(Outcome.APPLIED));
        });
    }

    /**
     * What the new snapshot means for outreach: resuming lifts a hold set after a provider error,
     * completing cancels every pending send and task, and leads that arrived before the campaign are
     * decided now. (Pausing needs nothing: only running campaigns' messages are claimed.)
     */
    private Uni<Void> applied(CampaignEvent event, Campaign campaign) {
        if (EventTypes.CAMPAIGN_STATUS_CHANGED.equals(event.type()) && RUNNING.equals(campaign.status)) {
            CampaignHolds.lift(campaign);
        }
        Uni<Void> effect = COMPLETED.equals(campaign.status) ? cancelAll(campaign) : Uni.createFrom().voidItem();
        return effect.chain(() -> enrolment.decideWaiting(campaign)).replaceWithVoid();
    }

    private static Uni<Void> cancelAll(Campaign campaign) {
        Map<String, Object> params = Map.of("campaign", campaign.id, "now", Instant.now());
        return Db.update("update ManualTask set status = 'CANCELLED', completedAt = :now where campaignId = :campaign and status = 'OPEN'", params)
                .chain(() -> Db.update("""
                        update OutreachMessage set status = 'CANCELLED', updatedAt = :now
                        where campaignId = :campaign and status in ('PENDING', 'TASK_OPEN')""", params))
                .chain(() -> Db.update("""
                        update Enrolment set status = 'CANCELLED', endReason = 'campaign_completed', endedAt = :now
                        where campaignId = :campaign and status in ('ACTIVE', 'WAITING')""", params))
                .replaceWithVoid();
    }
}
