package io.hostreach.extraction.run;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExtractionRunRepository implements PanacheRepositoryBase<ExtractionRun, UUID> {

    /**
     * Records that campaign-service asked for this extraction; the runner picks it up later. A job id
     * already known (the same request announced twice under different event ids) is left as it is.
     * Must run inside a transaction.
     *
     * @return true when the run was queued now, false when it was already known
     */
    public Uni<Boolean> queue(UUID extractionId, UUID campaignId, Instant requestedAt, RunTrigger trigger) {
        return findById(extractionId).chain(known -> known != null
                ? Uni.createFrom().item(false)
                : persist(ExtractionRun.queued(extractionId, campaignId, requestedAt, trigger)).replaceWith(true));
    }

    /** The campaign's runs that have not started yet (oldest first). Must run inside a transaction. */
    public Uni<List<ExtractionRun>> queuedOf(UUID campaignId) {
        return list("campaignId = ?1 and status = ?2 order by requestedAt", campaignId, RunStatus.QUEUED);
    }
}
