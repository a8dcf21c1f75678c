package io.hostreach.extraction.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The country a sandbox search plays in: its language, phone region, currency and a block of phone numbers.
 * The numbers are valid E.164 (libphonenumber) but taken from the "555" exchanges that films and the
 * portal fixtures use by convention, so a sandbox lead never points at a real subscriber by design.
 */
enum SandboxMarket {

    SPAIN("ES", "es", "EUR", "EUR", "+3465550", 4, List.of("Valencia", "Madrid", "Sevilla")),
    ITALY("IT", "it", "EUR", "EUR", "+39320555", 4, List.of("Milano", "Roma", "Torino")),
    PORTUGAL("PT", "pt", "EUR", "EUR", "+35191555", 4, List.of("Lisboa", "Porto", "Braga")),
    COLOMBIA("CO", "es", "COP", "COP", "+57311555", 4, List.of("Bogotá", "Medellín", "Cali")),
    MEXICO("MX", "es", "MXN", "MXN", "+52555555", 4, List.of("Ciudad de México", "Guadalajara", "Monterrey")),
    ARGENTINA("AR", "es", "USD", "ARS", "+549115555", 4, List.of("Buenos Aires", "Córdoba", "Rosario"));

    private final String country;
    private final String language;
    private final String saleCurrency;
    private final String rentCurrency;
    private final String phonePrefix;
    private final int phoneDigits;
    private final List<String> defaultPlaces;

    SandboxMarket(String country, String language, String saleCurrency, String rentCurrency, String phonePrefix,
                  int phoneDigits, List<String> defaultPlaces) {
        this.country = country;
        this.language = language;
        this.saleCurrency = saleCurrency;
        this.rentCurrency = rentCurrency;
        this.phonePrefix = phonePrefix;
        this.phoneDigits = phoneDigits;
        this.defaultPlaces = defaultPlaces;
    }

    /** The market of a platform; idealista follows the site its location id names. */
    static SandboxMarket of(String platform, String locationId) {
        return switch (platform == null ? "" : platform) {
            case "fotocasa" -> SPAIN;
            case "metrocuadrado" -> COLOMBIA;
            case "inmuebles24" -> MEXICO;
            case "zonaprop" -> ARGENTINA;
            default -> idealistaSite(locationId);
        };
    }

    static Optional<SandboxMarket> ofCountry(String country) {
        return Arrays.stream(values()).filter(m -> m.country.equals(country)).findFirst();
    }

    private static SandboxMarket idealistaSite(String locationId) {
        String[] parts = locationId == null ? new String[0] : locationId.split("-");
        String code = parts.length >= 3 ? parts[2].toUpperCase(Locale.ROOT) : "ES";
        return switch (code) {
            case "IT" -> ITALY;
            case "PT" -> PORTUGAL;
            default -> SPAIN;
        };
    }

    String country() {
        return country;
    }

    String language() {
        return language;
    }

    String currency(String operation) {
        return "rent".equals(operation) ? rentCurrency : saleCurrency;
    }

    /** The n-th number of the market's block (wraps around after 10^digits). */
    String phone(long n) {
        long modulus = (long) Math.pow(10, phoneDigits);
        return phonePrefix + String.format(Locale.ROOT, "%0" + phoneDigits + "d", Math.floorMod(n, modulus));
    }

    String place(int n) {
        return defaultPlaces.get(Math.floorMod(n, defaultPlaces.size()));
    }
}
