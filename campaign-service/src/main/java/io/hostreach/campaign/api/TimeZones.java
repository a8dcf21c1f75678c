package io.hostreach.campaign.api;

import java.time.DateTimeException;
import java.time.ZoneId;

/** IANA zone names (Europe/Madrid, America/Bogota, UTC); offsets like +02:00 are refused on purpose. */
public final class TimeZones {

    private TimeZones() {
    }

    public static boolean isValid(String zone) {
        if (zone == null || !(zone.contains("/") || "UTC".equals(zone))) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
