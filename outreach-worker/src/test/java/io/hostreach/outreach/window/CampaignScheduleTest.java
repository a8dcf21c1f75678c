package io.hostreach.outreach.window;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignScheduleTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Duration HOUR = Duration.ofHours(1);

    private static Instant local(String t) {
        return ZonedDateTime.of(LocalDateTime.parse(t), MADRID).toInstant();
    }

    @Test
    void withoutHoursOrDaysThereIsNoSchedule() {
        assertTrue(CampaignSchedule.of(null, null, MADRID, HOUR).isEmpty());
        assertTrue(CampaignSchedule.of("", " ", MADRID, HOUR).isEmpty());
    }

    @Test
    void daysAloneAllowTheWholeDay() {
        WeeklyWindow weekdays = CampaignSchedule.of(null, "1,2,3,4,5", MADRID, HOUR).orElseThrow();
        assertEquals(local("2026-12-07T00:00"), weekdays.nextOpen(local("2026-12-05T12:00"))); // Saturday → Monday
        assertEquals(local("2026-12-01T23:30"), weekdays.nextOpen(local("2026-12-01T23:30")));
    }

    @Test
    void hoursOpenSlotsOfTheConfiguredLength() {
        WeeklyWindow slots = CampaignSchedule.of("9,14:30", null, MADRID, Duration.ofMinutes(30)).orElseThrow();
        assertEquals(local("2026-12-01T09:00"), slots.nextOpen(local("2026-12-01T08:00")));
        assertEquals(local("2026-12-01T09:29"), slots.nextOpen(local("2026-12-01T09:29")));
        assertEquals(local("2026-12-01T14:30"), slots.nextOpen(local("2026-12-01T09:30")));
        assertEquals(local("2026-12-02T09:00"), slots.nextOpen(local("2026-12-01T15:00")));
    }

    @Test
    void aSlotNeverRunsPastMidnight() {
        WeeklyWindow late = CampaignSchedule.of("23:30", null, MADRID, HOUR).orElseThrow();
        assertEquals(local("2026-12-02T23:30"), late.nextOpen(local("2026-12-02T00:10")));
    }

    @Test
    void entriesCampaignServiceWouldRefuseAreSkipped() {
        assertEquals(Set.of(9 * 60, 14 * 60 + 30), CampaignSchedule.hours("9, x, 25, 14:30, 10:75"));
        assertEquals(2, CampaignSchedule.days("1,8,0,7,lunes").size());
    }

    @Test
    void theCurrentSlotStartIsFoundAcrossMidnight() {
        assertEquals(Optional.of(local("2026-12-01T14:00")),
                CampaignSchedule.currentSlotStart(local("2026-12-01T14:20"), "9,14", null, MADRID, HOUR));
        assertEquals(Optional.empty(),
                CampaignSchedule.currentSlotStart(local("2026-12-01T15:20"), "9,14", null, MADRID, HOUR));
        assertEquals(Optional.of(local("2026-12-01T23:00")),
                CampaignSchedule.currentSlotStart(local("2026-12-02T00:30"), "23", null, MADRID, Duration.ofHours(2)));
        // Not on a day the schedule leaves out (Saturday).
        assertEquals(Optional.empty(),
                CampaignSchedule.currentSlotStart(local("2026-12-05T09:10"), "9", "1,2,3,4,5", MADRID, HOUR));
    }

    @Test
    void aDaylightSavingGapMovesTheSlotForward() {
        // 29 March 2026, 02:00 Madrid does not exist: the clocks go to 03:00.
        WeeklyWindow night = CampaignSchedule.of("2", null, MADRID, HOUR).orElseThrow();
        assertEquals(local("2026-03-29T03:00"), night.nextOpen(local("2026-03-29T01:00")));
    }
}
