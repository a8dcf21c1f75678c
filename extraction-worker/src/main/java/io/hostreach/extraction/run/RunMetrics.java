package io.hostreach.extraction.run;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** What operators watch on /q/metrics: runs by outcome, listings read and leads captured, per platform. */
@ApplicationScoped
public class RunMetrics {

    private final MeterRegistry registry;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void page(RunState state, PageWork page) {
        registry.counter("hostreach.extraction.listings", "platform", state.platform).increment(page.found);
        registry.counter("hostreach.extraction.leads", "platform", state.platform).increment(page.leads.size());
    }

    void ended(RunState state, String outcome) {
        registry.counter("hostreach.extraction.runs", "platform", state.platform, "outcome", outcome).increment();
    }
}
