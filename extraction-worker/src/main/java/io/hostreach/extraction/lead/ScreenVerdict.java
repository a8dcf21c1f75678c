package io.hostreach.extraction.lead;

/** What becomes of a listing a run has read. */
public enum ScreenVerdict {
    /** Passes every check so far; a lead once its contact is known. */
    KEEP,
    /** A professional (or, with privateOnly, an advertiser whose type cannot be told). */
    PROFESSIONAL,
    /** Its texts refuse agencies ("abstenerse agencias"): never contacted. */
    AGENCY_REFUSAL,
    /** No usable phone: nothing to contact. */
    NO_PHONE
}
