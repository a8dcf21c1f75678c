package io.hostreach.outreach.window;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quiet hours and the legal windows, with fixed clocks: every instant below is a fixed point in time
 * (a Clock.fixed), never "now".
 */
class SendWindowPolicyTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final ScheduleSpec NO_SCHEDULE = new ScheduleSpec(null, null, "Europe/Madrid");

    private final SendWindowPolicy quiet = new SendWindowPolicy("21:00-09:00", Duration.ofHours(1), "Europe/Madrid");
    private final SendWindowPolicy lawOnly = new SendWindowPolicy("none", Duration.ofHours(1), "Europe/Madrid");

    private static Clock at(String localDateTime, ZoneId zone) {
        return Clock.fixed(ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant(), zone);
    }

    private static Instant local(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    private static Instant next(SendWindowPolicy policy, Clock clock, ScheduleSpec schedule, String region) {
        return policy.nextAllowed(clock.instant(), schedule, region).orElseThrow();
    }

    // --- quiet hours (21:00-09:00 recipient time) ---

    @Test
    void insideTheDayAMessageGoesAtOnce() {
        Clock clock = at("2026-12-01T12:00", MADRID);
        assertEquals(clock.instant(), next(quiet, clock, NO_SCHEDULE, "IT"));
    }

    @Test
    void atNightItWaitsForNineInTheMorningOfTheRecipient() {
        assertEquals(local("2026-12-02T09:00", ZoneId.of("Europe/Rome")),
                next(quiet, at("2026-12-01T22:30", ZoneId.of("Europe/Rome")), NO_SCHEDULE, "IT"));
        assertEquals(local("2026-12-02T09:00", ZoneId.of("Europe/Rome")),
                next(quiet, at("2026-12-02T03:00", ZoneId.of("Europe/Rome")), NO_SCHEDULE, "IT"));
        assertEquals(local("2026-12-02T09:00", ZoneId.of("Europe/Rome")),
                next(quiet, at("2026-12-01T21:00", ZoneId.of("Europe/Rome")), NO_SCHEDULE, "IT"));
    }

    @Test
    void aSpanishNumberMayBeInTheCanariesSoItWaitsForNineThereToo() {
        // 09:00 in Madrid is 08:00 in Las Palmas: the first moment both allow is 10:00 Madrid.
        assertEquals(local("2026-12-01T10:00", MADRID), next(quiet, at("2026-12-01T09:00", MADRID), NO_SCHEDULE, "ES"));
        Clock late = at("2026-12-01T20:59", MADRID);
        assertEquals(late.instant(), next(quiet, late, NO_SCHEDULE, "ES"));
        assertEquals(local("2026-12-02T10:00", MADRID), next(quiet, at("2026-12-01T21:00", MADRID), NO_SCHEDULE, "ES"));
    }

    @Test
    void quietHoursFollowTheRecipientsTimeZoneNotTheCampaigns() {
        // A Madrid campaign at 15:00 Madrid writes to Colombia, where it is 09:00: allowed (quiet hours end at 09:00).
        Clock clock = at("2026-12-01T15:00", MADRID);
        assertEquals(clock.instant(), next(quiet, clock, NO_SCHEDULE, "CO"));
        // At 14:00 Madrid it is 08:00 in Bogotá: the law would allow it, the quiet hours do not.
        assertEquals(local("2026-12-01T09:00", BOGOTA), next(quiet, at("2026-12-01T14:00", MADRID), NO_SCHEDULE, "CO"));
    }

    // --- Colombia: Mon-Fri 07:00-19:00, Sat 08:00-15:00, never Sundays or public holidays ---

    @Test
    void colombianWeekdaysOpenAtSevenAndCloseAtSeven() {
        assertEquals(local("2026-12-01T07:00", BOGOTA), next(lawOnly, at("2026-12-01T06:00", BOGOTA), NO_SCHEDULE, "CO"));
        Clock open = at("2026-12-01T18:59", BOGOTA);
        assertEquals(open.instant(), next(lawOnly, open, NO_SCHEDULE, "CO"));
        assertEquals(local("2026-12-02T07:00", BOGOTA), next(lawOnly, at("2026-12-01T19:00", BOGOTA), NO_SCHEDULE, "CO"));
    }

    @Test
    void colombianSaturdaysAreEightToThree() {
        assertEquals(local("2026-12-05T08:00", BOGOTA), next(lawOnly, at("2026-12-05T07:30", BOGOTA), NO_SCHEDULE, "CO"));
        Clock open = at("2026-12-05T14:59", BOGOTA);
        assertEquals(open.instant(), next(lawOnly, open, NO_SCHEDULE, "CO"));
        // After 15:00 on Saturday, Sunday is closed: Monday 07:00.
        assertEquals(local("2026-12-07T07:00", BOGOTA), next(lawOnly, at("2026-12-05T15:00", BOGOTA), NO_SCHEDULE, "CO"));
    }

    @Test
    void neverOnAColombianSunday() {
        assertEquals(local("2026-12-07T07:00", BOGOTA), next(lawOnly, at("2026-12-06T12:00", BOGOTA), NO_SCHEDULE, "CO"));
    }

    @Test
    void neverOnAColombianPublicHoliday() {
        // Tuesday 8 December 2026 (Inmaculada Concepción) is closed: Monday evening waits for Wednesday.
        assertEquals(local("2026-12-09T07:00", BOGOTA), next(lawOnly, at("2026-12-07T19:30", BOGOTA), NO_SCHEDULE, "CO"));
        // Christmas 2026 is a Friday: Thursday evening waits for Saturday 08:00.
        assertEquals(local("2026-12-26T08:00", BOGOTA), next(lawOnly, at("2026-12-24T19:00", BOGOTA), NO_SCHEDULE, "CO"));
        // Monday 11 January 2027 (Reyes Magos, moved to Monday): Tuesday.
        assertEquals(local("2027-01-12T07:00", BOGOTA), next(lawOnly, at("2027-01-11T10:00", BOGOTA), NO_SCHEDULE, "CO"));
        // Easter 2027: Thursday 25 and Friday 26 March closed, Saturday open.
        assertEquals(local("2027-03-27T08:00", BOGOTA), next(lawOnly, at("2027-03-24T19:00", BOGOTA), NO_SCHEDULE, "CO"));
    }

    @Test
    void theHolidayListCoversTwentyTwentySixAndTwentySeven() {
        var rule = LegalContactWindows.forRegion("CO").orElseThrow();
        assertEquals(2027, rule.listedUntil());
        assertEquals(36, rule.holidays().size());
        assertTrue(rule.holidays().contains(java.time.LocalDate.parse("2026-01-01")));
        assertTrue(rule.holidays().contains(java.time.LocalDate.parse("2027-12-25")));
    }

    @Test
    void quietHoursAndTheLawTogetherTakeTheStricterOfBoth() {
        // The law opens at 07:00, the quiet hours at 09:00.
        assertEquals(local("2026-12-01T09:00", BOGOTA), next(quiet, at("2026-12-01T07:00", BOGOTA), NO_SCHEDULE, "CO"));
    }

    // --- the campaign's schedule (scheduledHours x scheduledDays in its time zone) ---

    @Test
    void theScheduleOpensSlotsInTheCampaignsTimeZone() {
        ScheduleSpec schedule = new ScheduleSpec("10,16:30", "1,2,3,4,5", "Europe/Madrid");
        // Tuesday 08:00 Madrid: the 10:00 slot (and the Canaries are at 09:00 by then).
        assertEquals(local("2026-12-01T10:00", MADRID), next(quiet, at("2026-12-01T08:00", MADRID), schedule, "ES"));
        Clock inSlot = at("2026-12-01T10:45", MADRID);
        assertEquals(inSlot.instant(), next(quiet, inSlot, schedule, "ES"));
        assertEquals(local("2026-12-01T16:30", MADRID), next(quiet, at("2026-12-01T11:00", MADRID), schedule, "ES"));
        // Friday after the last slot: Monday 10:00.
        assertEquals(local("2026-12-07T10:00", MADRID), next(quiet, at("2026-12-04T17:30", MADRID), schedule, "ES"));
    }

    @Test
    void aScheduleTheLawNeverAllowsFindsNoMoment() {
        // 10:00 Madrid is 04:00 in Bogotá on weekdays: never inside the Colombian window.
        ScheduleSpec schedule = new ScheduleSpec("10", "1,2,3,4,5", "Europe/Madrid");
        assertEquals(Optional.empty(), lawOnly.nextAllowed(at("2026-12-01T08:00", MADRID).instant(), schedule, "CO"));
        // 14:00 Madrid is 08:00 in Bogotá: allowed.
        ScheduleSpec afternoon = new ScheduleSpec("14", "1,2,3,4,5", "Europe/Madrid");
        assertEquals(local("2026-12-01T14:00", MADRID), next(lawOnly, at("2026-12-01T08:00", MADRID), afternoon, "CO"));
    }

    @Test
    void anUnknownTimeZoneFallsBackToTheDefault() {
        assertEquals(MADRID, quiet.zoneOf("Mars/Olympus"));
        assertEquals(MADRID, quiet.zoneOf(null));
        assertEquals(BOGOTA, quiet.zoneOf("America/Bogota"));
    }
}
