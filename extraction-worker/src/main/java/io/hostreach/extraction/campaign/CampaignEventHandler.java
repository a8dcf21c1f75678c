package io.hostreach.extraction.campaign;

import io.hostreach.extraction.run.ExtractionRunRepository;
import io.hostreach.extraction.run.RunCancellation;
import io.hostreach.platform.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Applies one campaign event: the inbox record and every effect commit in one transaction, or none does. The
 * effects: the projection, the run the event asks for (queued), and, when the campaign completes, its queued
 * runs ended (FAILED, "campaign completed", announced through the outbox).
 */
@ApplicationScoped
public class CampaignEventHandler {

    /** This consumer's name in the inbox (processed_event.consumer). */
    static final String CONSUMER = "extraction-worker.campaign-events";

    public enum Outcome {
        /** The snapshot is now the stored campaign (and a requested run, if any, is queued). */
        APPLIED,
        /** The stored campaign was as new or newer; a requested run is still queued. */
        STALE,
        /** This event id was processed before: nothing was done. */
        DUPLICATE
    }

    private final Inbox inbox;
    private final CampaignRepository campaigns;
    private final ExtractionRunRepository runs;
    private final RunCancellation cancellation;

    public CampaignEventHandler(Inbox inbox, CampaignRepository campaigns, ExtractionRunRepository runs,
                                RunCancellation cancellation) {
        this.inbox = inbox;
        this.campaigns = campaigns;
        this.runs = runs;
        this.cancellation = cancellation;
    }

    @WithTransaction
    public Uni<Outcome> handle(CampaignEvent event) {
        return inbox.firstDelivery(CONSUMER, event.id(), event.type()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            Instant now = Instant.now();
            return campaigns.saveIfNewer(event.campaign(), now)
                    // A request is a fact of its own: it stands even when its snapshot is outdated.
                    .call(() -> event.requestsExtraction()
                            ? runs.queue(event.extractionId(), event.campaign().id(),
                                    event.time() == null ? now : event.time(), event.trigger())
                            : Uni.createFrom().voidItem())
                    .call(stored -> stored && CampaignEvent.COMPLETED.equals(event.campaign().status())
                            ? cancellation.cancelQueued(event.campaign().id(), "campaign completed")
                            : Uni.createFrom().voidItem())
                    .map(stored -> stored ? Outcome.APPLIED : Outcome.STALE);
        });
    }
}
