package io.hostreach.extraction.run;

import io.hostreach.extraction.portal.SearchCriteria;

import java.time.Instant;
import java.util.UUID;

/**
 * A run as its execution carries it between pages: who it is for, what it searches, and its counters as last
 * committed. Only the execution that holds the run's lease changes it, one page at a time.
 */
public final class RunState {

    final UUID extractionId;
    final UUID campaignId;
    final UUID workspaceId;
    final String environment;
    final String platform;
    final SearchCriteria criteria;
    final boolean privateOnly;
    final int expectedResults;
    /** The lease this execution holds (replica and claim): every change it makes checks it. */
    final String lease;

    int nextPage;
    int found;
    int created;
    int duplicates;
    int skippedProfessional;
    int skippedAgencyRefusal;
    int skippedNoPhone;
    int pages;

    RunState(ExtractionRun run, UUID workspaceId, String environment, String platform, CampaignSearch search) {
        this.extractionId = run.extractionId;
        this.campaignId = run.campaignId;
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.platform = platform;
        this.criteria = search.criteria();
        this.privateOnly = search.privateOnly();
        this.expectedResults = run.expectedResults == null ? search.expectedResults() : run.expectedResults;
        this.lease = run.leaseOwner;
        this.nextPage = run.nextPage;
        this.found = run.found;
        this.created = run.created;
        this.duplicates = run.duplicates;
        this.skippedProfessional = run.skippedProfessional;
        this.skippedAgencyRefusal = run.skippedAgencyRefusal;
        this.skippedNoPhone = run.skippedNoPhone;
        this.pages = run.pages;
    }

    public UUID extractionId() {
        return extractionId;
    }

    public UUID campaignId() {
        return campaignId;
    }

    int stillToCreate() {
        return Math.max(0, expectedResults - created);
    }

    /** Copies a committed page's counts into the run row. */
    void writeTo(ExtractionRun run) {
        run.nextPage = nextPage;
        run.found = found;
        run.created = created;
        run.duplicates = duplicates;
        run.skippedProfessional = skippedProfessional;
        run.skippedAgencyRefusal = skippedAgencyRefusal;
        run.skippedNoPhone = skippedNoPhone;
        run.pages = pages;
    }

    void add(PageWork page) {
        nextPage = page.page() + 1;
        pages++;
        found += page.found;
        created += page.leads.size();
        duplicates += page.duplicates;
        skippedProfessional += page.skippedProfessional;
        skippedAgencyRefusal += page.skippedAgencyRefusal;
        skippedNoPhone += page.skippedNoPhone;
    }

    @Override
    public String toString() {
        return "run " + extractionId + " of campaign " + campaignId + " (" + platform + ", " + environment + ") at page "
                + nextPage + ": found " + found + ", created " + created + "/" + expectedResults;
    }

    static Instant now() {
        return Instant.now();
    }
}
