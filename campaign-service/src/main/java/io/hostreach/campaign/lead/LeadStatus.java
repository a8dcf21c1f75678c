package io.hostreach.campaign.lead;

import java.util.List;

/** The lead pipeline. PENDING is set by the system only. */
public final class LeadStatus {

    public static final String PENDING = "PENDING";
    public static final List<String> ALL = List.of(PENDING, "CONTACTED", "REPLIED", "QUALIFIED", "UNQUALIFIED",
            "MEETING_SCHEDULED", "FOLLOWED_UP", "NEGOTIATION", "WON", "LOST", "ARCHIVED", "ERROR");
    public static final List<String> SETTABLE = ALL.subList(1, ALL.size());

    private LeadStatus() {
    }
}
