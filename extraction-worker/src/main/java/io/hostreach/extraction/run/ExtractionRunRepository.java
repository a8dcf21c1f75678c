package io.hostreach.extraction.run;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
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
    public Uni<Boolean> queue(UUID extractionId, UUID campaignId, Instant requestedAt) {
        return findById(extractionId).chain(known -> known != null
                ? Uni.createFrom().item(false)
                : persist(ExtractionRun.queued(extractionId, campaignId, requestedAt)).replaceWith(true));
    }
}
