package io.hostreach.outreach.window;

import java.time.LocalTime;

/** A range of local time in one day, {@code [start, end)} in minutes since midnight; end may be 1440 (midnight). */
public record TimeRange(int startMinute, int endMinute) {

    public static final int DAY = 24 * 60;

    public TimeRange {
        if (startMinute < 0 || endMinute > DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("invalid time range " + startMinute + "-" + endMinute);
        }
    }

    public static TimeRange of(String start, String end) {
        return new TimeRange(minutes(start), end.equals("24:00") ? DAY : minutes(end));
    }

    public static TimeRange allDay() {
        return new TimeRange(0, DAY);
    }

    static int minutes(String hhmm) {
        LocalTime time = LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
        return time.getHour() * 60 + time.getMinute();
    }
}
