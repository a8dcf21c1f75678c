package io.hostreach.outreach.suppression;

/** How a number got on the suppression list. */
public final class SuppressionSource {
    /** An opt-out word or button in a reply. */
    public static final String OPT_OUT = "opt_out";
    /** WhatsApp's own marketing opt-out (error 131050). */
    public static final String WHATSAPP_OPT_OUT = "whatsapp_opt_out";
    /** An operator or the customer through the API. */
    public static final String MANUAL = "manual";

    private SuppressionSource() {
    }
}
