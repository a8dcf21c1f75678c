package io.hostreach.extraction.lead;

/** How a listing on the page was met before. */
public enum SeenBefore {
    /** Read by an earlier run of this campaign: newest-first portals stop here. */
    EARLIER_RUN,
    /** Read earlier in this very run (portals repeat a listing when new ones push the list down). */
    THIS_RUN,
    /** Already a lead of another campaign of the workspace and environment. */
    OTHER_CAMPAIGN
}
