package io.hostreach.outreach.send;

/** What a provider error means for the message, the lead's sequence and the campaign. */
public enum ErrorAction {
    /** Transient (throughput, rate limits, maintenance, 5xx): the same message again after a backoff. */
    RETRY,
    /** Per-user marketing cap (131049): once more, not before 24 hours. */
    RETRY_AFTER_A_DAY,
    /** The user stopped marketing messages (131050): the number joins the suppression list. */
    SUPPRESS,
    /** Not on WhatsApp or cannot receive (131026): the lead's sequence ends in error; retrying hurts quality. */
    NOT_ON_WHATSAPP,
    /** Free text outside the 24-hour window (131047): a template is needed; the sequence ends. */
    TEMPLATE_NEEDED,
    /** The template is paused or disabled for quality: hold this campaign. */
    PAUSE_CAMPAIGN,
    /** The number or the account is restricted, blocked or its token is invalid: hold every campaign of the account. */
    PAUSE_ACCOUNT,
    /** Anything else (invalid parameter, unsupported...): this message fails, the lead's sequence ends. */
    FAIL
}
