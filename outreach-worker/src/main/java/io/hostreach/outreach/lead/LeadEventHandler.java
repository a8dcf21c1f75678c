package io.hostreach.outreach.lead;

import io.hostreach.outreach.enrolment.EnrolmentService;
import io.hostreach.outreach.enrolment.EnrolmentService.Outcome;
import io.hostreach.platform.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Applies one lead event: the inbox record and the enrolment commit together, or neither does. */
@ApplicationScoped
public class LeadEventHandler {

    /** This consumer's name in the inbox (processed_event.consumer). */
    static final String CONSUMER = "outreach-worker.lead-events";

    private final Inbox inbox;
    private final EnrolmentService enrolment;

    public LeadEventHandler(Inbox inbox, EnrolmentService enrolment) {
        this.inbox = inbox;
        this.enrolment = enrolment;
    }

    @WithTransaction
    public Uni<Outcome> handle(LeadCaptured.Envelope event) {
        return inbox.firstDelivery(CONSUMER, event.eventId(), event.type())
                .chain(first -> first ? enrolment.enrol(event.lead()) : Uni.createFrom().item(Outcome.DUPLICATE));
    }
}
