package io.hostreach.campaign.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.webhook.WebhookEventTypes;
import io.hostreach.campaign.webhook.WebhookQueue;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the job projection current from the worker's events. A job started by the worker itself
 * (a schedule slot) is created by its first event. A finished job never goes back to RUNNING, whatever
 * order the events arrive in.
 */
@ApplicationScoped
public class ExtractionJobUpdater {

    private final WebhookQueue webhooks;
    private final ObjectMapper mapper;

    public ExtractionJobUpdater(WebhookQueue webhooks, ObjectMapper mapper) {
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    public Uni<Void> apply(ExtractionProgress p) {
        return ExtractionJob.<ExtractionJob>findById(p.extractionId()).chain(found -> {
            ExtractionJob job = found;
            boolean completesNow = ExtractionJob.COMPLETED.equals(p.status()) && (found == null || !isFinal(found.status));
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
            ExtractionJob updated = job;
            Uni<Void> stored = found == null ? job.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            return completesNow ? stored.chain(() -> announceCompletion(updated)) : stored;
        });
    }

    private Uni<Void> announceCompletion(ExtractionJob job) {
        ObjectNode data = mapper.valueToTree(ExtractionJobView.of(job));
        return webhooks.publish(job.workspaceId, job.environment, WebhookEventTypes.EXTRACTION_COMPLETED, data);
    }

    private static boolean isFinal(String status) {
        return ExtractionJob.COMPLETED.equals(status) || ExtractionJob.FAILED.equals(status);
    }
}
