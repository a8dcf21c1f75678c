package io.hostreach.outreach.window;

/** What a campaign says about when it sends: its schedule and time zone (null fields: not set). */
public record ScheduleSpec(String scheduledHours, String scheduledDays, String timezone) {
}
