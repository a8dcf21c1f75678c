package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.PhoneNumbers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the WhatsApp number of a Navent listing into E.164, fixing the two local habits that libphonenumber
 * alone gets wrong for WhatsApp numbers:
 * <ul>
 *   <li>Mexico: WhatsApp ids keep the retired mobile "1" ({@code 521 55 1234 5678}), and old texts use the
 *       044/045 mobile prefixes. Since 2019 neither is part of the number, and libphonenumber rejects them.</li>
 *   <li>Argentina: a mobile's E.164 form has a "9" after 54 ({@code +54 9 11 ...}); written without it the same
 *       digits read as a landline. A number offered for WhatsApp is a mobile, so the 9 is restored.</li>
 * </ul>
 */
final class NaventPhone {

    private static final Pattern MX_LEGACY_MOBILE = Pattern.compile("^(?:\\+|00)?521(\\d{10})$");
    private static final Pattern MX_OLD_PREFIX = Pattern.compile("^0(?:44|45)(\\d{10})$");
    private static final Pattern AR_WITHOUT_NINE = Pattern.compile("^(?:\\+|00)?54([1-8]\\d{9})$");
    private static final Pattern AR_NATIONAL_TEN_DIGITS = Pattern.compile("^0?([1-8]\\d{9})$");
    private static final Pattern COUNTRY_CODE_WITHOUT_PLUS = Pattern.compile("^(52|54)\\d{10,11}$");

    private NaventPhone() {
    }

    /** The E.164 form of a WhatsApp number shown by a Navent site of {@code region} (MX or AR), if valid. */
    static Optional<String> whatsAppToE164(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String compact = raw.replaceAll("[^0-9+]", "");
        if ("MX".equals(region)) {
            compact = mexican(compact);
        } else if ("AR".equals(region)) {
            compact = argentine(compact);
        }
        if (!compact.startsWith("+") && COUNTRY_CODE_WITHOUT_PLUS.matcher(compact).matches()) {
            // wa.me style: the country code without "+"; read as national it would be invalid.
            Optional<String> international = PhoneNumbers.toE164("+" + compact, region);
            if (international.isPresent()) {
                return international;
            }
        }
        return PhoneNumbers.toE164(compact, region);
    }

    private static String mexican(String compact) {
        Matcher legacy = MX_LEGACY_MOBILE.matcher(compact);
        if (legacy.matches()) {
            return "+52" + legacy.group(1);
        }
        Matcher old = MX_OLD_PREFIX.matcher(compact);
        if (old.matches()) {
            return old.group(1);
        }
        return compact;
    }

    private static String argentine(String compact) {
        Matcher withoutNine = AR_WITHOUT_NINE.matcher(compact);
        if (withoutNine.matches()) {
            return "+549" + withoutNine.group(1);
        }
        Matcher national = AR_NATIONAL_TEN_DIGITS.matcher(compact);
        if (national.matches()) {
            return "+549" + national.group(1);
        }
        return compact;
    }
}
