package io.hostreach.campaign.widget;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Widget keys: public and not secret (they sit in the agency's web page), but random, so one workspace's
 * key cannot be guessed from another's.
 */
public final class WidgetKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("wk_[0-9a-f]{32}");

    private WidgetKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "wk_" + HexFormat.of().formatHex(bytes);
    }

    /** A string that cannot be a key is answered without a database lookup. */
    public static boolean wellFormed(String key) {
        return key != null && SHAPE.matcher(key).matches();
    }
}
