package io.hostreach.outreach.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;

/** Phone numbers through libphonenumber: E.164 normalisation and the mobile check WhatsApp needs. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {
    }

    /**
     * The number as a WhatsApp recipient: valid and of type MOBILE or FIXED_LINE_OR_MOBILE (a landline
     * costs a 131026 and some quality). {@code defaultRegion} reads national numbers (the campaign's country).
     */
    public static Optional<Recipient> mobile(String raw, String defaultRegion) {
        return parse(raw, defaultRegion).filter(number -> {
            PhoneNumberType type = UTIL.getNumberType(number);
            return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
        }).map(Phones::recipient);
    }

    /** Any valid number in E.164 (suppressions accept landlines too: a do-not-contact entry is never wrong). */
    public static Optional<Recipient> any(String raw, String defaultRegion) {
        return parse(raw, defaultRegion).map(Phones::recipient);
    }

    /** Digits as webhooks carry them ({@code 34612345678}); a wa_id may differ from the number sent to. */
    public static String fromDigits(String digits) {
        return digits == null || digits.startsWith("+") ? digits : "+" + digits;
    }

    private static Optional<PhoneNumber> parse(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String region = defaultRegion == null || defaultRegion.isBlank() ? "ZZ" : defaultRegion.toUpperCase();
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), region);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static Recipient recipient(PhoneNumber number) {
        return new Recipient(UTIL.format(number, PhoneNumberFormat.E164), UTIL.getRegionCodeForNumber(number));
    }
}
