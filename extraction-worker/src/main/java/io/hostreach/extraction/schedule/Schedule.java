package io.hostreach.extraction.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A campaign's schedule: {@code settings.scheduledHours} ("9,14:30") on {@code settings.scheduledDays}
 * ("1,2,3,4,5", ISO: 1 = Monday) in the campaign's time zone. Slots are instants; a local time that a DST
 * change skips runs at the shifted instant, one that repeats runs once (the earlier offset).
 */
public final class Schedule {

    /** Far enough back to find the previous slot of any weekly schedule. */
    private static final int DAYS_BACK = 8;

    private final List<LocalTime> times;
    private final Set<DayOfWeek> days;
    private final ZoneId zone;

    private Schedule(List<LocalTime> times, Set<DayOfWeek> days, ZoneId zone) {
        this.times = times;
        this.days = days;
        this.zone = zone;
    }

    /**
     * The schedule of these settings, or empty when the campaign has none (no hours or no days).
     *
     * @throws IllegalArgumentException for a malformed value (campaign-service validates them first)
     */
    public static Optional<Schedule> of(String hours, String days, String timezone) {
        if (hours == null || hours.isBlank() || days == null || days.isBlank()) {
            return Optional.empty();
        }
        TreeSet<LocalTime> times = new TreeSet<>();
        for (String part : hours.split(",")) {
            times.add(time(part.trim()));
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (String part : days.split(",")) {
            int iso = Integer.parseInt(part.trim());
            if (iso < 1 || iso > 7) {
                throw new IllegalArgumentException("scheduledDays are ISO weekdays 1-7, not " + iso);
            }
            weekdays.add(DayOfWeek.of(iso));
        }
        ZoneId zone = timezone == null || timezone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timezone);
        return Optional.of(new Schedule(List.copyOf(times), weekdays, zone));
    }

    /** The latest slot at or before {@code now}. */
    public Optional<Instant> latestAtOrBefore(Instant now) {
        return slotsAround(now).stream().filter(slot -> !slot.isAfter(now)).reduce((a, b) -> b);
    }

    /** The slot before {@code slot}. */
    public Optional<Instant> before(Instant slot) {
        return slotsAround(slot).stream().filter(s -> s.isBefore(slot)).reduce((a, b) -> b);
    }

    /**
     * The slot to run now, if any: the latest slot at or before {@code now}, provided it is less than one slot old
     * (younger than the gap from its previous slot) and not earlier than {@code runningSince} (slots that passed
     * while the campaign was paused or not yet started are not run). Older missed slots are never run.
     */
    public Optional<Instant> due(Instant now, Instant runningSince) {
        Optional<Instant> latest = latestAtOrBefore(now);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Instant slot = latest.get();
        if (runningSince != null && slot.isBefore(runningSince)) {
            return Optional.empty();
        }
        Duration oneSlot = before(slot).map(previous -> Duration.between(previous, slot)).orElse(Duration.ofDays(7));
        return Duration.between(slot, now).compareTo(oneSlot) < 0 ? latest : Optional.empty();
    }

    /** The slots from {@link #DAYS_BACK} days before {@code around} to the day after it, in order. */
    private List<Instant> slotsAround(Instant around) {
        LocalDate day = around.atZone(zone).toLocalDate();
        List<Instant> slots = new ArrayList<>();
        for (LocalDate d = day.minusDays(DAYS_BACK); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek())) {
                for (LocalTime time : times) {
                    slots.add(ZonedDateTime.of(d, time, zone).toInstant());
                }
            }
        }
        Collections.sort(slots);
        return slots;
    }

    private static LocalTime time(String text) {
        String[] hm = text.split(":");
        int hour = Integer.parseInt(hm[0].trim());
        int minute = hm.length > 1 ? Integer.parseInt(hm[1].trim()) : 0;
        return LocalTime.of(hour, minute);
    }
}
