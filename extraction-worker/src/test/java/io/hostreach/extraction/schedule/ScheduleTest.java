package io.hostreach.extraction.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleTest {

    /** 9:00 and 14:30, Monday to Friday, in Madrid (UTC+1 in November). */
    private final Schedule weekdays = Schedule.of("9,14:30", "1,2,3,4,5", "Europe/Madrid").orElseThrow();

    @Test
    void slotsAreLocalTimesOnTheGivenWeekdaysInTheCampaignsZone() {
        // Wednesday 25 November 2026, 10:00 in Madrid.
        assertEquals(Optional.of(Instant.parse("2026-11-25T08:00:00Z")),
                weekdays.latestAtOrBefore(Instant.parse("2026-11-25T09:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-11-25T13:30:00Z")),
                weekdays.latestAtOrBefore(Instant.parse("2026-11-25T13:30:00Z")));
        // Monday 08:00: the latest slot is Friday's 14:30, weekends have none.
        assertEquals(Optional.of(Instant.parse("2026-11-27T13:30:00Z")),
                weekdays.latestAtOrBefore(Instant.parse("2026-11-30T07:00:00Z")));
    }

    @Test
    void theCurrentSlotIsDueUntilItIsOneSlotOldAndNeverBefore() {
        Instant slot = Instant.parse("2026-11-25T13:30:00Z"); // 14:30, 5.5 h after the 9:00 slot
        assertEquals(Optional.of(slot), weekdays.due(slot, null));
        assertEquals(Optional.of(slot), weekdays.due(slot.plusSeconds(5 * 3600), null));
        // A replica down from 14:00 to 20:05: the 14:30 slot is now more than one slot (5.5 h) old, skipped.
        assertEquals(Optional.empty(), weekdays.due(Instant.parse("2026-11-25T19:05:00Z"), null));
        // Monday 08:00 after a weekend: Friday's 14:30 is 65.5 h old, far beyond its gap: not run.
        assertEquals(Optional.empty(), weekdays.due(Instant.parse("2026-11-30T07:00:00Z"), null));
    }

    @Test
    void slotsBeforeTheCampaignWentRunningAreNotRun() {
        Instant resumedAt = Instant.parse("2026-11-25T08:30:00Z"); // 9:30, after the 9:00 slot
        assertEquals(Optional.empty(), weekdays.due(Instant.parse("2026-11-25T08:45:00Z"), resumedAt));
        assertEquals(Optional.of(Instant.parse("2026-11-25T13:30:00Z")),
                weekdays.due(Instant.parse("2026-11-25T13:31:00Z"), resumedAt));
    }

    @Test
    void aDailySlotMissedForLessThanADayIsStillDue() {
        Schedule daily = Schedule.of("9", "1,2,3,4,5,6,7", "America/Bogota").orElseThrow();
        Instant nine = Instant.parse("2026-11-25T14:00:00Z");
        assertEquals(Optional.of(nine), daily.due(nine.plusSeconds(23 * 3600), null));
        assertEquals(Optional.empty(), daily.due(nine.plusSeconds(25 * 3600).minusSeconds(1), null)
                .filter(s -> s.equals(nine)));
    }

    @Test
    void daylightSavingChangesKeepTheLocalTime() {
        Schedule sunday = Schedule.of("2:30", "7", "Europe/Madrid").orElseThrow();
        // 29 March 2026: 2:30 does not exist in Madrid (clocks go from 2:00 to 3:00): the slot is at 3:30 CEST.
        assertEquals(Optional.of(Instant.parse("2026-03-29T01:30:00Z")),
                sunday.latestAtOrBefore(Instant.parse("2026-03-29T12:00:00Z")));
        // 25 October 2026: 2:30 happens twice; the slot is the first one (CEST).
        assertEquals(Optional.of(Instant.parse("2026-10-25T00:30:00Z")),
                sunday.latestAtOrBefore(Instant.parse("2026-10-25T12:00:00Z")));
    }

    @Test
    void aCampaignWithoutHoursOrDaysHasNoSchedule() {
        assertTrue(Schedule.of(null, "1", "UTC").isEmpty());
        assertTrue(Schedule.of("9", "", "UTC").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Schedule.of("9", "8", "UTC"));
    }
}
