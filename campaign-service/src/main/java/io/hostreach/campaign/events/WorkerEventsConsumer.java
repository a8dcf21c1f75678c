package io.hostreach.campaign.events;

import io.hostreach.campaign.campaign.Campaign;
import io.hostreach.campaign.campaign.CampaignService;
import io.hostreach.campaign.extraction.ExtractionJobUpdater;
import io.hostreach.campaign.extraction.ExtractionProgress;
import io.hostreach.campaign.lead.LeadCaptured;
import io.hostreach.campaign.lead.LeadStore;
import io.hostreach.campaign.messaging.OutreachProjection;
import io.hostreach.campaign.messaging.OutreachReport;
import io.hostreach.campaign.template.TemplateStatusProjection;
import io.hostreach.platform.events.CloudEvent;
import io.hostreach.platform.events.CloudEventCodec;
import io.hostreach.platform.events.EventTypes;
import io.hostreach.platform.events.PoisonEventException;
import io.hostreach.platform.inbox.Inbox;
import io.hostreach.platform.outbox.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/**
 * Consumes what the workers publish: captured leads, extraction progress, outreach reports and Meta's template
 * reviews. Each event's effect and its
 * inbox record commit together, so a redelivery has no second effect; poison records go to the DLQ; other
 * failures are retried first (the partition waits, keeping each campaign's order).
 */
@ApplicationScoped
public class WorkerEventsConsumer {

    static final String LEADS = "campaign-service.lead-events";
    static final String EXTRACTIONS = "campaign-service.extraction-events";
    static final String OUTREACH = "campaign-service.outreach-events";
    private static final Logger LOG = Logger.getLogger(WorkerEventsConsumer.class);
    /** lead-events also carries this service's own announcements (widget and CSV leads), skipped unread. */
    static final String OWN_SOURCE = "/hostreach/campaign-service";

    private final CloudEventCodec codec;
    private final Inbox inbox;
    private final LeadStore leads;
    private final ExtractionJobUpdater jobs;
    private final OutreachProjection outreach;
    private final TemplateStatusProjection templates;
    private final MeterRegistry registry;
    private final CampaignService campaigns;
    private final OutboxRelay relay;

    public WorkerEventsConsumer(CloudEventCodec codec, Inbox inbox, LeadStore leads, ExtractionJobUpdater jobs,
                                OutreachProjection outreach, TemplateStatusProjection templates, MeterRegistry registry,
                                CampaignService campaigns, OutboxRelay relay) {
        this.campaigns = campaigns;
        this.relay = relay;
        this.codec = codec;
        this.templates = templates;
        this.inbox = inbox;
        this.leads = leads;
        this.jobs = jobs;
        this.outreach = outreach;
        this.registry = registry;
    }

    @Incoming("outreach-events-in")
    @NonBlocking
    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100, abortOn = PoisonEventException.class)
    public Uni<Void> onOutreachEvent(String record) {
        return consume(OUTREACH, record, event -> {
            if (EventTypes.TEMPLATE_STATUS_CHANGED.equals(event.type())) {
                return templates.apply(event.data());
            }
            if (EventTypes.CAMPAIGN_DRAINED.equals(event.type())) {
                String campaignId = event.data().path("campaignId").asText(null);
                if (campaignId == null) {
                    throw new PoisonEventException("campaign.drained without campaignId");
                }
                UUID id;
                try {
                    id = UUID.fromString(campaignId);
                } catch (IllegalArgumentException e) {
                    throw new PoisonEventException("campaign.drained with a malformed campaignId", e);
                }
                return campaigns.completeDrained(id);
            }
            OutreachReport report = OutreachReport.from(event.data());
            if (report.campaignId() == null) {
                return Uni.createFrom().item("ignored");
            }
            return ifCampaignExists(report.campaignId(), () -> outreach.apply(event.type(), event.id(), report));
        });
    }

    @Incoming("lead-events-in")
    @NonBlocking
    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100, abortOn = PoisonEventException.class)
    public Uni<Void> onLeadEvent(String record) {
        // Leads this service imported itself were stored in the transaction that announced them: skipped before
        // any transaction, so a 50,000-row import does not hold the partition up for 50,000 inbox rows.
        return consume(LEADS, record, event -> OWN_SOURCE.equals(event.source()), event -> {
            if (!EventTypes.LEAD_CAPTURED.equals(event.type())) {
                return Uni.createFrom().item("ignored");
            }
            LeadCaptured captured = LeadCaptured.from(event.data());
            return ifCampaignExists(captured.campaignId(), () -> leads.capture(captured).map(o -> o.name().toLowerCase()));
        });
    }

    @Incoming("extraction-events-in")
    @NonBlocking
    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100, abortOn = PoisonEventException.class)
    public Uni<Void> onExtractionEvent(String record) {
        return consume(EXTRACTIONS, record, event -> {
            if (!event.type().startsWith(EventTypes.PREFIX + "extraction.")) {
                return Uni.createFrom().item("ignored");
            }
            ExtractionProgress progress = ExtractionProgress.from(event.data());
            return ifCampaignExists(progress.campaignId(), () -> jobs.apply(progress).replaceWith("applied"))
                    .invoke(outcome -> LOG.infof("extraction %s of campaign %s: %s (found %d, created %d)",
                            progress.extractionId(), progress.campaignId(), progress.status(), progress.found(),
                            progress.created()));
        });
    }

    private Uni<Void> consume(String consumer, String record, Function<CloudEvent, Uni<String>> effect) {
        return consume(consumer, record, event -> false, effect);
    }

    private Uni<Void> consume(String consumer, String record, java.util.function.Predicate<CloudEvent> skip,
                              Function<CloudEvent, Uni<String>> effect) {
        CloudEvent event;
        try {
            event = codec.read(record);
        } catch (PoisonEventException poison) {
            count(consumer, "poison");
            LOG.warnf("%s: poison record sent to the dead-letter topic: %s", consumer, poison.getMessage());
            return Uni.createFrom().failure(poison);
        }
        CloudEvent parsed = event;
        if (skip.test(parsed)) {
            count(consumer, "own");
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> inbox.firstDelivery(consumer, parsed.id(), parsed.type())
                        .chain(first -> first ? effect.apply(parsed) : Uni.createFrom().item("duplicate")))
                .invoke(outcome -> count(consumer, outcome))
                .invoke(outcome -> {
                    if ("completed".equals(outcome)) {
                        relay.kick(); // the status event committed with the change
                    }
                })
                .onFailure(PoisonEventException.class).invoke(poison -> {
                    count(consumer, "poison");
                    LOG.warnf("%s: event %s cannot be processed, sent to the dead-letter topic: %s", consumer,
                            parsed.id(), poison.getMessage());
                })
                .replaceWithVoid();
    }

    /** Events of a deleted campaign have nothing left to update. */
    private Uni<String> ifCampaignExists(UUID campaignId, java.util.function.Supplier<Uni<String>> effect) {
        return Campaign.count("id", campaignId).chain(n -> n > 0 ? effect.get() : Uni.createFrom().item("orphan"));
    }

    private void count(String consumer, String outcome) {
        registry.counter("hostreach.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
