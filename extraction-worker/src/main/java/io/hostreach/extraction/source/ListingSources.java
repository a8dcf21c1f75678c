package io.hostreach.extraction.source;

import io.hostreach.extraction.fetch.FetchRoutes;
import io.hostreach.extraction.fetch.PortalHttpClients;
import io.hostreach.extraction.sandbox.SandboxAdapter;
import io.hostreach.extraction.sandbox.SandboxPortal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * Picks where a run reads from: test-mode campaigns read the in-process sandbox portal (unless
 * {@code hostreach.sandbox.test-environment} is off), live ones the real portal through the workspace's route.
 */
@ApplicationScoped
public class ListingSources {

    static final String TEST = "test";

    private final LivePortals live;
    private final PortalHttpClients clients;
    private final FetchRoutes routes;
    private final boolean sandboxForTest;
    private final SandboxPortal sandbox = new SandboxPortal();

    public ListingSources(LivePortals live, PortalHttpClients clients, FetchRoutes routes,
                          @ConfigProperty(name = "hostreach.sandbox.test-environment", defaultValue = "true") boolean sandboxForTest) {
        this.live = live;
        this.clients = clients;
        this.routes = routes;
        this.sandboxForTest = sandboxForTest;
    }

    /** Needs a session (it reads the workspace's fetch route). */
    public Uni<ListingSource> open(String platform, String environment, UUID workspaceId) {
        if (!LivePortals.isPortal(platform)) {
            return Uni.createFrom().failure(new UnknownPortalException(
                    "platform " + platform + " is not a portal: its leads do not come from extraction"));
        }
        if (TEST.equals(environment) && sandboxForTest) {
            return Uni.createFrom().item(new ListingSource(new SandboxAdapter(platform), sandbox, true, true));
        }
        return Uni.createFrom().item(() -> live.adapter(platform))
                .chain(adapter -> routes.routeOf(workspaceId)
                        .map(route -> new ListingSource(adapter, clients.fetcher(platform, route),
                                LivePortals.newestFirst(platform), false)));
    }
}
