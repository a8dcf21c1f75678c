package io.hostreach.campaign.outreach;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.Optional;

/** Phone numbers as clients write them, to E.164: with their country code, or in the default region's format. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** {@code +34 612 34 56 78}, {@code 0034612345678}, or {@code 612345678} with {@code defaultRegion} ES. */
    public static Optional<String> e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String candidate = raw.trim();
        if (candidate.startsWith("00")) {
            candidate = "+" + candidate.substring(2);
        }
        try {
            var number = PHONES.parse(candidate, candidate.startsWith("+") ? null : defaultRegion);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
