package io.hostreach.extraction.schedule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Claims schedule slots. A slot's run id is derived from campaign and slot (UUID v3), and the insert does
 * nothing when the id exists: however many replicas (or ticks) claim a slot, at once or later, one run is
 * queued. The database decides, not memory.
 */
@ApplicationScoped
public class ScheduleSlots {

    private static final String CLAIM = """
            insert into extraction_run (extraction_id, campaign_id, status, requested_at, trigger, slot_at)
            values (:id, :campaign, 'QUEUED', :now, 'schedule', :slot) on conflict do nothing""";

    public static UUID runId(UUID campaignId, Instant slot) {
        return UUID.nameUUIDFromBytes(("schedule|" + campaignId + "|" + slot).getBytes(StandardCharsets.UTF_8));
    }

    /** In its own transaction. @return true when this call queued the slot's run, false when it was claimed before */
    public Uni<Boolean> claim(UUID campaignId, Instant slot) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter("id", runId(campaignId, slot))
                        .setParameter("campaign", campaignId)
                        .setParameter("now", Instant.now())
                        .setParameter("slot", slot)
                        .executeUpdate()))
                .map(inserted -> inserted == 1);
    }
}
