package io.hostreach.outreach.phone;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The time zones a recipient of a country may be in. A mobile number does not tell which one, so a send
 * must be allowed in every zone of the list (Madrid and the Canaries, the mainland zones of Mexico).
 * Countries not listed fall back to the campaign's time zone.
 */
public final class RecipientZones {

    private static final Map<String, List<ZoneId>> BY_REGION = Map.of(
            "ES", zones("Europe/Madrid", "Atlantic/Canary"),
            "PT", zones("Europe/Lisbon", "Atlantic/Azores"),
            "IT", zones("Europe/Rome"),
            "CO", zones("America/Bogota"),
            "MX", zones("America/Mexico_City", "America/Cancun", "America/Hermosillo", "America/Tijuana"),
            "AR", zones("America/Argentina/Buenos_Aires"),
            "FR", zones("Europe/Paris"),
            "DE", zones("Europe/Berlin"),
            "GB", zones("Europe/London"));

    private RecipientZones() {
    }

    public static List<ZoneId> of(String region, ZoneId fallback) {
        return region == null ? List.of(fallback) : BY_REGION.getOrDefault(region.toUpperCase(), List.of(fallback));
    }

    private static List<ZoneId> zones(String... ids) {
        return Arrays.stream(ids).map(ZoneId::of).toList();
    }
}
