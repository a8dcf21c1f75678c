package io.hostreach.outreach.sandbox;

/**
 * What the sandbox WhatsApp does with a message, decided by the last digit of the number, so a test-mode
 * campaign shows a whole funnel from deterministic data: most numbers read, some reply, some opt out,
 * some fail as real ones do.
 */
public enum SandboxScenario {
    /** …0: not on WhatsApp (131026). */
    NOT_ON_WHATSAPP,
    /** …1: per-user marketing limit (131049), retried once after a day. */
    ECOSYSTEM_LIMIT,
    /** …7: reads, then replies. */
    REPLY,
    /** …8: reads, then answers "BAJA". */
    OPT_OUT,
    /** …9: delivered, never read (read receipts off). */
    DELIVERED_ONLY,
    /** anything else: sent, delivered, read. */
    READ;

    public static SandboxScenario forNumber(String number) {
        char last = number == null || number.isEmpty() ? '2' : number.charAt(number.length() - 1);
        return switch (last) {
            case '0' -> NOT_ON_WHATSAPP;
            case '1' -> ECOSYSTEM_LIMIT;
            case '7' -> REPLY;
            case '8' -> OPT_OUT;
            case '9' -> DELIVERED_ONLY;
            default -> READ;
        };
    }
}
