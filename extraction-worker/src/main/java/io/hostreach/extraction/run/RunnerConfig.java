package io.hostreach.extraction.run;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code hostreach.runner.*}: how this replica runs extractions. */
@ConfigMapping(prefix = "hostreach.runner")
public interface RunnerConfig {

    /** Off: this replica runs no extraction (campaign events are still consumed and runs queued). */
    @WithDefault("true")
    boolean enabled();

    /** Runs this replica works on at once (each portal still gets one request at a time). */
    @WithDefault("4")
    int concurrency();

    /** How long a run stays leased without a renewal; a replica that dies loses its runs after this. */
    @WithDefault("60s")
    Duration lease();

    /** How often the leases of running runs are renewed (well below the lease). */
    @WithDefault("15s")
    Duration heartbeat();

    /** How often queued runs are looked for, besides the immediate look after each campaign event. */
    @WithDefault("2s")
    Duration pollInterval();

    /** A run taken over this many times after lost leases fails instead of trying again. */
    @WithDefault("3")
    int maxRecoveries();

    /** A run ends after this many pages even if the portal has more (a safety net against endless paging). */
    @WithDefault("300")
    int maxPages();

    /** Within a page, the campaign's status is looked at again at most this often (pause within seconds). */
    @WithDefault("2s")
    Duration statusCheckInterval();
}
