package io.hostreach.extraction.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox portal's inventory: stable pages of plausible listings, newest first, for any search.
 * About half the advertisers are private (a fifth of them hide their phone, one in eight refuses agencies),
 * the rest professionals, some of whom look like private owners until their contact is asked. Every even
 * page from the second on starts with the previous page's last listing, as real portals do when new ads push
 * the list down while someone pages through it.
 */
final class SandboxCatalog {

    static final int PAGE_SIZE = 30;
    static final int PAGES = 20;
    /** SBX, the market's country, the search seed, the position: all a contact answer needs. */
    private static final Pattern ID = Pattern.compile("^SBX([A-Z]{2})([0-9a-f]{8})-(\\d{4})$");

    private static final List<String> NAMES_ES = List.of("Carmen", "Javier", "Lucía", "Manuel", "Elena", "Pablo",
            "Marta", "Sergio", "Rosa", "Andrés", "Pilar", "Diego");
    private static final List<String> NAMES_IT = List.of("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Paolo");
    private static final List<String> NAMES_PT = List.of("Ana", "João", "Mariana", "Rui", "Inês", "Tiago");
    private static final List<String> AGENCIES = List.of("Inmobiliaria Centro", "Fincas del Sol", "Habitat Gestión",
            "Casa Nova Real Estate", "Grupo Urbe Propiedades", "Agencia Horizonte");
    private static final List<String> STREETS = List.of("Mayor", "del Mar", "de la Paz", "San Vicente", "Colón",
            "de las Flores", "Libertad", "del Sol");

    private SandboxCatalog() {
    }

    static int totalListings() {
        return PAGE_SIZE * PAGES;
    }

    /** Page {@code page} (1-based) of the search; empty past the last page. */
    static List<SandboxListing> page(SandboxSearch search, int page) {
        if (page < 1 || page > PAGES) {
            return List.of();
        }
        List<SandboxListing> listings = new ArrayList<>(PAGE_SIZE);
        int first = (page - 1) * PAGE_SIZE;
        for (int slot = 0; slot < PAGE_SIZE; slot++) {
            boolean pushedDown = slot == 0 && page >= 2 && page % 2 == 0;
            listings.add(listing(search, pushedDown ? first - 1 : first + slot));
        }
        return listings;
    }

    /**
     * A listing from its id alone (the id carries market, search seed and position): its advertiser, name and
     * phone are those of the search page; the other values may differ, as the search's filters are unknown here.
     */
    static Optional<SandboxListing> byId(String platform, String listingId) {
        Matcher m = ID.matcher(listingId == null ? "" : listingId);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<SandboxMarket> market = SandboxMarket.ofCountry(m.group(1));
        int index = Integer.parseInt(m.group(3));
        if (market.isEmpty() || index >= totalListings()) {
            return Optional.empty();
        }
        SandboxSearch bare = new SandboxSearch(platform, null, null, null, null, null, null, null, null, null, null);
        return Optional.of(listing(bare, m.group(2), market.get(), index));
    }

    static SandboxListing listing(SandboxSearch search, int index) {
        return listing(search, search.seed(), search.market(), index);
    }

    /** Draws in a fixed order: advertiser, phone and name come first, so they depend on seed and position only. */
    private static SandboxListing listing(SandboxSearch search, String seed, SandboxMarket market, int index) {
        SplittableRandom random = new SplittableRandom(Long.parseLong(seed, 16) * 1_000_003L + index);
        String operation = "rent".equals(search.operation()) ? "rent" : "sale";
        String place = search.locationLabel() == null || search.locationLabel().isBlank()
                ? market.place(index) : search.locationLabel().split(",")[0].trim();

        double who = random.nextDouble();
        boolean isPrivate = who < 0.50;
        String cardType = isPrivate ? (random.nextBoolean() ? "private" : "unknown")
                : who < 0.85 ? "professional" : "unknown";
        String advertiserType = isPrivate ? "private" : "professional";
        boolean hidesPhone = isPrivate && random.nextDouble() < 0.20;
        boolean refusesAgencies = isPrivate && random.nextDouble() < 0.125;
        String name = isPrivate ? firstNames(market).get(random.nextInt(firstNames(market).size()))
                : AGENCIES.get(random.nextInt(AGENCIES.size()));
        String phone = hidesPhone ? null : market.phone(Long.parseLong(seed.substring(0, 4), 16) + index);

        int rooms = Math.max(search.bedrooms() == null ? 1 : search.bedrooms(), 1 + random.nextInt(4));
        int bathrooms = Math.max(search.bathrooms() == null ? 1 : search.bathrooms(), 1 + random.nextInt(2));
        int size = clamp(35 + rooms * 22 + random.nextInt(40), search.minSize(), search.maxSize());
        BigDecimal price = price(market, operation, size, random, search.minPrice(), search.maxPrice());
        String type = search.propertyType() == null ? "homes" : search.propertyType();
        String street = STREETS.get(random.nextInt(STREETS.size()));
        int number = 1 + random.nextInt(120);
        Instant published = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofMinutes(47L * index));

        return new SandboxListing(
                "SBX" + market.country() + seed + "-" + String.format("%04d", index),
                title(market, operation, rooms, place),
                description(market, rooms, size, refusesAgencies),
                operation, type, price, market.currency(operation), size, rooms, bathrooms,
                street(market, street, number, place), place, null,
                40.0 + random.nextDouble(), -3.0 + random.nextDouble(), published,
                cardType, advertiserType, name, phone);
    }

    private static List<String> firstNames(SandboxMarket market) {
        return switch (market.language()) {
            case "it" -> NAMES_IT;
            case "pt" -> NAMES_PT;
            default -> NAMES_ES;
        };
    }

    private static String title(SandboxMarket market, String operation, int rooms, String place) {
        boolean rent = "rent".equals(operation);
        return switch (market.language()) {
            case "it" -> "Appartamento " + (rooms + 1) + " locali in " + (rent ? "affitto" : "vendita") + " a " + place;
            case "pt" -> "Apartamento T" + rooms + " para " + (rent ? "arrendar" : "venda") + " em " + place;
            default -> "Piso de " + rooms + " habitaciones en " + (rent ? "alquiler" : "venta") + " en " + place;
        };
    }

    private static String description(SandboxMarket market, int rooms, int size, boolean refusesAgencies) {
        String text = switch (market.language()) {
            case "it" -> "Luminoso appartamento di " + size + " m², " + rooms + " camere, vicino ai servizi.";
            case "pt" -> "Apartamento luminoso com " + size + " m², " + rooms + " quartos, perto de tudo.";
            default -> "Vivienda luminosa de " + size + " m² con " + rooms + " dormitorios, cerca de servicios.";
        };
        if (!refusesAgencies) {
            return text;
        }
        return text + switch (market.language()) {
            case "it" -> " Trattativa privata, no agenzie.";
            case "pt" -> " Venda direta, não aceito agências.";
            default -> market.country().equals("ES") ? " Abstenerse agencias." : " Dueño directo, abstenerse inmobiliarias.";
        };
    }

    private static String street(SandboxMarket market, String street, int number, String place) {
        return switch (market.language()) {
            case "it" -> "via " + street + ", " + number + ", " + place;
            case "pt" -> "rua " + street + ", " + number + ", " + place;
            default -> "calle " + street + ", " + number + ", " + place;
        };
    }

    private static BigDecimal price(SandboxMarket market, String operation, int size, SplittableRandom random,
                                    BigDecimal min, BigDecimal max) {
        double perSquareMetre = switch (market) {
            case COLOMBIA -> "rent".equals(operation) ? 30_000 : 5_500_000;
            case MEXICO -> "rent".equals(operation) ? 250 : 38_000;
            case ARGENTINA -> "rent".equals(operation) ? 12_000 : 2_300;
            default -> "rent".equals(operation) ? 14 : 2_900;
        };
        double value = perSquareMetre * size * (0.8 + random.nextDouble() * 0.5);
        BigDecimal price = BigDecimal.valueOf(value).setScale(-2, RoundingMode.HALF_UP).setScale(0, RoundingMode.UNNECESSARY);
        if (min != null && price.compareTo(min) < 0) {
            price = min.setScale(0, RoundingMode.CEILING);
        }
        if (max != null && price.compareTo(max) > 0) {
            price = max.setScale(0, RoundingMode.FLOOR);
        }
        return price;
    }

    private static int clamp(int value, Integer min, Integer max) {
        int result = value;
        if (min != null && result < min) {
            result = min;
        }
        if (max != null && result > max) {
            result = max;
        }
        return result;
    }
}
