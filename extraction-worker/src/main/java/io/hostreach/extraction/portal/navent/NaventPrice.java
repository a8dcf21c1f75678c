package io.hostreach.extraction.portal.navent;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A price as the cards print it: "USD 145.000" (Argentina, dot thousands), "MN 3,250,000" (Mexico, comma
 * thousands), "$ 450.000". Navent prices are whole amounts, so every separator is a thousands separator.
 * "Consultar precio" (price on request) has no amount.
 */
record NaventPrice(BigDecimal amount, String currency) {

    private static final Pattern AMOUNT = Pattern.compile("(\\d[\\d.,]*)");

    static NaventPrice parse(String text, String localCurrency) {
        if (text == null) {
            return null;
        }
        Matcher matcher = AMOUNT.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String digits = matcher.group(1).replaceAll("[.,]", "");
        return new NaventPrice(new BigDecimal(digits), currencyOf(text, localCurrency));
    }

    /** ISO code for the symbol the site prints; "$" and "MN" (moneda nacional) are the local currency. */
    static String currencyOf(String text, String localCurrency) {
        String upper = text == null ? "" : text.toUpperCase(Locale.ROOT);
        if (upper.contains("USD") || upper.contains("U$S") || upper.contains("US$")) {
            return "USD";
        }
        if (upper.contains("EUR") || upper.contains("€")) {
            return "EUR";
        }
        return localCurrency;
    }
}
