package io.hostreach.outreach.phone;

/**
 * A WhatsApp-able number: E.164 ({@code +34612345678}) and its country (ISO region code), which picks the
 * recipient's time zones and legal contact windows.
 */
public record Recipient(String e164, String region) {

    /** The digits WhatsApp and wa.me take: country code and number, no plus sign. */
    public String digits() {
        return e164.substring(1);
    }
}
