package io.hostreach.outreach.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Distinct, valid Spanish mobile numbers, so tests never share a recipient (or its spacing). */
public final class TestPhones {

    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L, 80_000_000L));
    private static final AtomicLong SANDBOX = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000L, 800_000L));

    private TestPhones() {
    }

    /** +346… (8 more digits). */
    public static String spanishMobile() {
        return "+346" + String.format("%08d", NEXT.incrementAndGet() % 100_000_000L);
    }

    /** A Spanish mobile whose last digit is {@code last} (the sandbox decides by it). */
    public static String endingIn(int last) {
        return "+3472" + String.format("%06d", SANDBOX.incrementAndGet() % 1_000_000L) + last;
    }

    public static String digits(String e164) {
        return e164.substring(1);
    }
}
