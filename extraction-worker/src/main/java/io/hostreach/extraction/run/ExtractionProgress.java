package io.hostreach.extraction.run;

import io.hostreach.extraction.campaign.Campaign;

import java.time.Instant;
import java.util.UUID;

/** The data of an {@code extraction.started|completed|failed} event (the contract campaign-service consumes). */
public record ExtractionProgress(UUID extractionId, UUID campaignId, UUID workspaceId, String environment,
                                 String platform, String status, String trigger, int expectedResults, int found,
                                 int created, int duplicates, int skippedProfessional, int skippedAgencyRefusal,
                                 int skippedNoPhone, int pages, Instant startedAt, Instant finishedAt, String error) {

    static ExtractionProgress of(ExtractionRun run, Campaign campaign) {
        return new ExtractionProgress(run.extractionId, run.campaignId, campaign.workspaceId, campaign.environment,
                campaign.platform, run.status.name(), run.trigger,
                run.expectedResults != null ? run.expectedResults : CampaignSearch.expectedResultsOf(campaign.segmentation),
                run.found, run.created,
                run.duplicates, run.skippedProfessional, run.skippedAgencyRefusal, run.skippedNoPhone, run.pages,
                run.startedAt, run.finishedAt, run.error);
    }
}
