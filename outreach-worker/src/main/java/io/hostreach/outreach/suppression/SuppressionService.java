package io.hostreach.outreach.suppression;

import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.enrolment.Enrolment;
import io.hostreach.outreach.enrolment.EnrolmentStatus;
import io.hostreach.outreach.sequence.SequenceService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The workspace-wide do-not-contact list, per environment. Adding a number takes effect at once: the
 * sequences of every lead with that number end and their pending messages and tasks are cancelled.
 * Call inside a transaction.
 */
@ApplicationScoped
public class SuppressionService {

    private static final String ADD = """
            insert into suppression (workspace_id, environment, phone, reason, source, created_at)
            values (:workspace, :environment, :phone, :reason, :source, :now)
            on conflict do nothing""";

    private final SequenceService sequences;
    private final Clock clock;

    public SuppressionService(SequenceService sequences, Clock clock) {
        this.sequences = sequences;
        this.clock = clock;
    }

    /**
     * Puts the number on the list (a second add keeps the first reason) and ends every running sequence
     * to it, with {@code endAs}.
     *
     * @return the enrolments this call ended
     */
    public Uni<List<Enrolment>> add(UUID workspaceId, String environment, String phone, String reason, String source,
                                    EnrolmentStatus endAs) {
        return Db.execute(ADD, Map.of("workspace", workspaceId, "environment", environment, "phone", phone,
                        "reason", reason == null ? source : reason, "source", source, "now", clock.instant()))
                .chain(() -> Db.list("""
                        from Enrolment where workspaceId = :workspace and environment = :environment and phone = :phone
                        and status in ('ACTIVE', 'WAITING')""", Enrolment.class,
                        Map.of("workspace", workspaceId, "environment", environment, "phone", phone)))
                .chain(running -> Multi.createFrom().iterable(running)
                        .onItem().transformToUniAndConcatenate(e -> sequences.end(e.id, endAs, source).replaceWith(e))
                        .collect().asList());
    }

    /** Which of these numbers the workspace must not contact. */
    public Uni<Set<String>> suppressedAmong(UUID workspaceId, String environment, Collection<String> phones) {
        if (phones.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Db.list("""
                        select s.key.phone from Suppression s
                        where s.key.workspaceId = :workspace and s.key.environment = :environment and s.key.phone in :phones""",
                String.class, Map.of("workspace", workspaceId, "environment", environment, "phones", phones))
                .map(HashSet::new);
    }

    /** The same for many numbers at once (a CSV import's chunk): one array parameter, not one per number. */
    public Uni<Set<String>> suppressedAmongMany(UUID workspaceId, String environment, List<String> phones) {
        if (phones.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Db.nativeList("""
                        select phone from suppression where workspace_id = :workspace and environment = :environment
                        and phone = any(cast(:phones as text[]))""",
                String.class, Map.of("workspace", workspaceId, "environment", environment, "phones", phones.toArray(String[]::new)))
                .map(HashSet::new);
    }

    public Uni<Boolean> isSuppressed(UUID workspaceId, String environment, String phone) {
        return suppressedAmong(workspaceId, environment, List.of(phone)).map(found -> !found.isEmpty());
    }
}
