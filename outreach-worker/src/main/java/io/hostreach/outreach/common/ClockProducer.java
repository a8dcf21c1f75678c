package io.hostreach.outreach.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock of the service; time-dependent classes take it (or a time) so tests can fix it. */
public class ClockProducer {

    @Produces
    @Singleton // no client proxy: a proxy of a java.time class cannot be generated
    Clock clock() {
        return Clock.systemUTC();
    }
}
