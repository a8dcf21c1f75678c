package io.hostreach.campaign.extraction;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the job projection current from the worker's events. A job started by the worker itself
 * (a schedule slot) is created by its first event. A finished job never goes back to RUNNING, whatever
 * order the events arrive in.
 */
@ApplicationScoped
public class ExtractionJobUpdater {

    public Uni<Void> apply(ExtractionProgress p) {
        return ExtractionJob.<ExtractionJob>findById(p.extractionId()).chain(found -> {
            ExtractionJob job = found;
            if (job == null) {
                job = new ExtractionJob();
                job.id = p.extractionId();
                job.workspaceId = p.workspaceId();
                job.environment = p.environment();
                job.campaignId = p.campaignId();
                job.platform = p.platform();
                job.trigger = p.trigger();
                job.requestedAt = p.startedAt() != null ? p.startedAt() : java.time.Instant.now();
            } else if (isFinal(job.status) && ExtractionJob.RUNNING.equals(p.status())) {
                return Uni.createFrom().voidItem();
            }
            job.status = p.status();
            job.expectedResults = p.expectedResults();
            job.found = p.found();
            job.created = p.created();
            job.duplicates = p.duplicates();
            job.skippedProfessional = p.skippedProfessional();
            job.skippedAgencyRefusal = p.skippedAgencyRefusal();
            job.skippedNoPhone = p.skippedNoPhone();
            job.pages = p.pages();
            job.startedAt = p.startedAt() != null ? p.startedAt() : job.startedAt;
            job.finishedAt = p.finishedAt();
            job.error = p.error();
            return found == null ? job.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    private static boolean isFinal(String status) {
        return ExtractionJob.COMPLETED.equals(status) || ExtractionJob.FAILED.equals(status);
    }
}
