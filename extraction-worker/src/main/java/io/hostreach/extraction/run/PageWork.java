package io.hostreach.extraction.run;

import io.hostreach.extraction.lead.LeadCaptured;
import io.hostreach.extraction.lead.SeenRow;

import java.util.ArrayList;
import java.util.List;

/** What reading one result page produced, committed in one transaction (or not at all). */
final class PageWork {

    private final int page;
    final List<SeenRow> seen = new ArrayList<>();
    final List<LeadCaptured> leads = new ArrayList<>();
    int found;
    int duplicates;
    int skippedProfessional;
    int skippedAgencyRefusal;
    int skippedNoPhone;
    boolean lastPage;
    /** Met a listing an earlier run of the campaign had read: everything after it is older and known. */
    boolean reachedSeen;
    /** The run has all the new leads it was asked for. */
    boolean reachedExpected;

    PageWork(int page) {
        this.page = page;
    }

    int page() {
        return page;
    }

    /** The run ends after this page. */
    boolean ends() {
        return lastPage || reachedSeen || reachedExpected;
    }
}
