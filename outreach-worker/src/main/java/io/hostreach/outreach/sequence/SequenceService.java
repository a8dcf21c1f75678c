package io.hostreach.outreach.sequence;

import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.campaign.SequenceStep;
import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.enrolment.EnrolmentStatus;
import io.hostreach.outreach.send.OutreachMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves a lead through its sequence: after a step went out the next one waits its delay; after the last,
 * the lead is done. Ending a sequence (reply, opt-out, permanent error, campaign completed) cancels what
 * was still to come. Call inside a transaction.
 */
@ApplicationScoped
public class SequenceService {

    // Only while the lead is still in the sequence: a reply may have ended it while this step was in flight.
    private static final String SCHEDULE_NEXT = """
            insert into outreach_message (id, enrolment_id, lead_id, campaign_id, workspace_id, environment, step, phone,
                                          status, due_at, attempts, ecosystem_retried, created_at, updated_at)
            select :id, e.id, e.lead_id, e.campaign_id, e.workspace_id, e.environment, :step, e.phone,
                   'PENDING', :due, 0, false, :now, :now
            from enrolment e where e.id = :enrolment and e.status = 'ACTIVE'
            on conflict on constraint outreach_message_step_uq do nothing""";
    private static final String CANCEL_TASKS = """
            update manual_task set status = 'CANCELLED', completed_at = :now
            where status = 'OPEN' and message_id in (select id from outreach_message where enrolment_id = :enrolment)""";

    private final Clock clock;

    public SequenceService(Clock clock) {
        this.clock = clock;
    }

    /** Step {@code message.step} went out (or was done by hand) at {@code at}: schedule what follows. */
    public Uni<Void> advance(OutreachMessage message, CampaignSettings settings, Instant at) {
        List<UUID> completed = new ArrayList<>();
        return advance(message, settings, at, completed).chain(() -> complete(completed));
    }

    /**
     * As {@link #advance(OutreachMessage, CampaignSettings, Instant)}, but a lead whose last step this was
     * is only added to {@code completed}: a batch completes them all with one statement ({@link #complete}).
     */
    public Uni<Void> advance(OutreachMessage message, CampaignSettings settings, Instant at, List<UUID> completed) {
        Optional<SequenceStep> next = settings.step(message.step + 1);
        if (next.isEmpty()) {
            completed.add(message.enrolmentId);
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return Db.execute(SCHEDULE_NEXT, Map.of("id", UUID.randomUUID(), "step", message.step + 1,
                "due", at.plus(next.get().delay()), "now", now, "enrolment", message.enrolmentId)).replaceWithVoid();
    }

    /** The last step of these leads went out: their sequences are complete (nothing is left to cancel). */
    public Uni<Void> complete(List<UUID> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Db.update("""
                        update Enrolment set status = 'COMPLETED', endReason = 'sequence_completed', endedAt = :now
                        where id in :ids and status = 'ACTIVE'""", Map.of("now", clock.instant(), "ids", enrolmentIds))
                .replaceWithVoid();
    }

    /**
     * Ends the lead's sequence with {@code status} unless it had ended already; pending messages and open
     * manual tasks are cancelled either way.
     *
     * @return true when this call ended it
     */
    public Uni<Boolean> end(UUID enrolmentId, EnrolmentStatus status, String reason) {
        Instant now = clock.instant();
        return Db.execute(CANCEL_TASKS, Map.of("now", now, "enrolment", enrolmentId))
                .chain(() -> Db.update("""
                        update OutreachMessage set status = 'CANCELLED', updatedAt = :now
                        where enrolmentId = :enrolment and status in ('PENDING', 'TASK_OPEN')""",
                        Map.of("now", now, "enrolment", enrolmentId)))
                .chain(() -> Db.update("""
                        update Enrolment set status = :status, endReason = :reason, endedAt = :now
                        where id = :enrolment and status in ('ACTIVE', 'WAITING')""",
                        Map.of("status", status, "reason", reason, "now", now, "enrolment", enrolmentId)))
                .map(updated -> updated == 1);
    }
}
