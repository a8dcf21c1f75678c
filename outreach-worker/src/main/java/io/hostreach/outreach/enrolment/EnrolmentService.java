package io.hostreach.outreach.enrolment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.campaign.CampaignRepository;
import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.drip.Drip;
import io.hostreach.outreach.lead.LeadCaptured;
import io.hostreach.outreach.phone.Recipient;
import io.hostreach.outreach.send.OutreachMessage;
import io.hostreach.outreach.sequence.DrainDetector;
import io.hostreach.outreach.suppression.SuppressionService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Enrols captured leads of extract_and_contact campaigns in the campaign's sequence: step 1 is due at
 * once (the dispatcher sends it at the first moment the schedule, the quiet hours, the legal window and
 * the caps allow), except in a drip campaign (csv_import), whose scheduled slots release step 1. A lead is enrolled once per campaign; a lead that may not be contacted gets a SKIPPED
 * row saying why. Call inside a transaction.
 */
@ApplicationScoped
public class EnrolmentService {

    private static final Logger LOG = Logger.getLogger(EnrolmentService.class);
    static final String EXTRACT_AND_CONTACT = "extract_and_contact";

    public enum Outcome {
        ENROLLED, SKIPPED, WAITING, DUPLICATE, NOT_CONTACTED
    }

    private final CampaignRepository campaigns;
    private final EnrolmentRepository enrolments;
    private final SuppressionService suppressions;
    private final ObjectMapper mapper;
    private final Clock clock;

    public EnrolmentService(CampaignRepository campaigns, EnrolmentRepository enrolments, SuppressionService suppressions,
                            ObjectMapper mapper, Clock clock) {
        this.campaigns = campaigns;
        this.enrolments = enrolments;
        this.suppressions = suppressions;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Uni<Outcome> enrol(LeadCaptured lead) {
        return enrolments.findByLead(lead.leadId(), lead.campaignId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            return campaigns.findById(lead.campaignId()).chain(campaign -> {
                if (campaign == null) {
                    // The campaign's event has not reached this worker yet: decide when it does.
                    return enrolments.persist(row(lead, EnrolmentStatus.WAITING, null)).replaceWith(Outcome.WAITING);
                }
                if (!EXTRACT_AND_CONTACT.equals(campaign.mode)) {
                    return Uni.createFrom().item(Outcome.NOT_CONTACTED);
                }
                return decide(campaign, lead, null);
            });
        });
    }

    /** The campaign is now known: decide the leads that arrived before it. */
    public Uni<Integer> decideWaiting(Campaign campaign) {
        return enrolments.waiting(campaign.id).chain(waiting -> Multi.createFrom().iterable(waiting)
                .onItem().transformToUniAndConcatenate(row -> {
                    if (!EXTRACT_AND_CONTACT.equals(campaign.mode)) {
                        return enrolments.delete(row).replaceWith(Outcome.NOT_CONTACTED);
                    }
                    LeadCaptured lead;
                    try {
                        lead = mapper.readValue(row.lead, LeadCaptured.class).withJson(row.lead);
                    } catch (Exception e) {
                        finish(row, EnrolmentStatus.SKIPPED, "unreadable_lead");
                        return Uni.createFrom().item(Outcome.SKIPPED);
                    }
                    return decide(campaign, lead, row);
                })
                .collect().asList()
                .map(outcomes -> (int) outcomes.stream().filter(o -> o == Outcome.ENROLLED).count()));
    }

    private Uni<Outcome> decide(Campaign campaign, LeadCaptured lead, Enrolment waitingRow) {
        CampaignSettings settings = CampaignSettings.of(campaign, mapper);
        EnrolmentPolicy.Decision decision = EnrolmentPolicy.decide(campaign, settings, lead);
        if (decision instanceof EnrolmentPolicy.Skip skip) {
            return skip(lead, waitingRow, null, skip.reason());
        }
        Recipient recipient = ((EnrolmentPolicy.Enrol) decision).recipient();
        return suppressions.isSuppressed(lead.workspaceId(), lead.environment(), recipient.e164()).chain(suppressed -> {
            if (suppressed) {
                return skip(lead, waitingRow, recipient, "suppressed");
            }
            Instant now = clock.instant();
            Enrolment enrolment = waitingRow != null ? waitingRow : row(lead, EnrolmentStatus.ACTIVE, null);
            enrolment.status = EnrolmentStatus.ACTIVE;
            enrolment.phone = recipient.e164();
            enrolment.region = recipient.region();
            Uni<?> stored = waitingRow != null ? Uni.createFrom().item(enrolment) : enrolments.persist(enrolment);
            // A drip campaign's lead waits for a scheduled slot to release it (DripScheduler); others go at once.
            boolean drip = Drip.applies(campaign, settings);
            return stored
                    .chain(() -> drip ? Uni.createFrom().voidItem() : enrolments.getSession().chain(s -> s.persist(
                            OutreachMessage.pending(enrolment.id, lead.leadId(), lead.campaignId(), lead.workspaceId(),
                                    lead.environment(), 1, recipient.e164(), now, now))))
                    .chain(() -> DrainDetector.rearm(campaign.id))
                    .invoke(() -> LOG.debugf("lead %s enrolled in campaign %s", lead.leadId(), campaign.id))
                    .replaceWith(Outcome.ENROLLED);
        });
    }

    private Uni<Outcome> skip(LeadCaptured lead, Enrolment waitingRow, Recipient recipient, String reason) {
        LOG.debugf("lead %s not contacted in campaign %s: %s", lead.leadId(), lead.campaignId(), reason);
        Enrolment row = waitingRow != null ? waitingRow : row(lead, EnrolmentStatus.SKIPPED, reason);
        if (recipient != null) {
            row.phone = recipient.e164();
            row.region = recipient.region();
        }
        finish(row, EnrolmentStatus.SKIPPED, reason);
        Uni<?> stored = waitingRow != null ? Uni.createFrom().item(row) : enrolments.persist(row);
        return stored.chain(() -> DrainDetector.rearm(lead.campaignId())).replaceWith(Outcome.SKIPPED);
    }

    private void finish(Enrolment row, EnrolmentStatus status, String reason) {
        row.status = status;
        row.endReason = reason;
        row.endedAt = clock.instant();
    }

    private Enrolment row(LeadCaptured lead, EnrolmentStatus status, String reason) {
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.leadId = lead.leadId();
        e.campaignId = lead.campaignId();
        e.workspaceId = lead.workspaceId();
        e.environment = lead.environment();
        e.lead = lead.json();
        e.source = lead.source();
        e.status = status;
        e.endReason = reason;
        e.createdAt = clock.instant();
        e.endedAt = status.isFinished() ? e.createdAt : null;
        return e;
    }
}
