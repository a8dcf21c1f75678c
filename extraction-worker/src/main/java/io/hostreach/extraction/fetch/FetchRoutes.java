package io.hostreach.extraction.fetch;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** The fetch route of each workspace: its own when it set one, otherwise the configured global route. */
@ApplicationScoped
public class FetchRoutes {

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final WorkspaceFetchRouteRepository routes;
    private final SecretBox secrets;
    private final FetchRoute global;

    public FetchRoutes(WorkspaceFetchRouteRepository routes, SecretBox secrets, FetchConfig config) {
        this.routes = routes;
        this.secrets = secrets;
        FetchConfig.Route route = config.route();
        FetchRoute.Mode mode = FetchRoute.Mode.of(route.mode());
        this.global = mode == FetchRoute.Mode.DIRECT ? FetchRoute.direct()
                : new FetchRoute(mode, route.urlTemplate().orElse(null), route.apiKeyHeader(), route.apiKey().orElse(null));
    }

    /** The route a run of this workspace uses. Needs a session. */
    public Uni<FetchRoute> routeOf(UUID workspaceId) {
        return routes.findById(workspaceId).map(stored -> stored == null ? global : toRoute(stored));
    }

    @WithSession
    public Uni<FetchRouteView> view(UUID workspaceId) {
        return routes.findById(workspaceId).map(stored -> stored == null ? globalView(workspaceId) : viewOf(stored));
    }

    @WithTransaction
    public Uni<FetchRouteView> put(UUID workspaceId, FetchRouteRequest request) {
        if (request == null) {
            throw new BadRequestException("A body {mode, urlTemplate, apiKeyHeader, apiKey} is required");
        }
        FetchRoute.Mode mode;
        try {
            mode = FetchRoute.Mode.of(request.mode());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return routes.findById(workspaceId).chain(stored -> {
            WorkspaceFetchRoute row = stored == null ? new WorkspaceFetchRoute() : stored;
            row.workspaceId = workspaceId;
            row.mode = mode.apiValue();
            row.updatedAt = Instant.now();
            if (mode == FetchRoute.Mode.DIRECT) {
                row.urlTemplate = null;
                row.apiKeyHeader = null;
                row.apiKeyCipher = null;
            } else {
                validateProvider(request);
                row.urlTemplate = request.urlTemplate().trim();
                row.apiKeyHeader = request.apiKeyHeader() == null ? "X-Api-Key" : request.apiKeyHeader().trim();
                if (request.apiKey() != null) {
                    if (!secrets.canSeal()) {
                        throw new BadRequestException("apiKey cannot be stored: this worker has no "
                                + "hostreach.fetch.secret-key to encrypt it with");
                    }
                    row.apiKeyCipher = request.apiKey().isEmpty() ? null : secrets.seal(request.apiKey());
                }
            }
            return (stored == null ? routes.persist(row) : Uni.createFrom().item(row)).map(FetchRoutes::viewOf);
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID workspaceId) {
        return routes.deleteById(workspaceId).invoke(deleted -> {
            if (!deleted) {
                throw new NotFoundException("Workspace " + workspaceId + " has no fetch route of its own");
            }
        }).replaceWithVoid();
    }

    private static void validateProvider(FetchRouteRequest request) {
        try {
            new FetchRoute(FetchRoute.Mode.PROVIDER, request.urlTemplate() == null ? null : request.urlTemplate().trim(),
                    request.apiKeyHeader(), null);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        if (request.apiKeyHeader() != null && !HEADER_NAME.matcher(request.apiKeyHeader().trim()).matches()) {
            throw new BadRequestException("apiKeyHeader must be an HTTP header name (letters, digits and dashes)");
        }
    }

    private FetchRoute toRoute(WorkspaceFetchRoute stored) {
        FetchRoute.Mode mode = FetchRoute.Mode.of(stored.mode);
        if (mode == FetchRoute.Mode.DIRECT) {
            return FetchRoute.direct();
        }
        String key = stored.apiKeyCipher == null ? null : secrets.open(stored.apiKeyCipher);
        return new FetchRoute(mode, stored.urlTemplate, stored.apiKeyHeader, key);
    }

    private static FetchRouteView viewOf(WorkspaceFetchRoute stored) {
        return new FetchRouteView(stored.workspaceId, stored.mode, stored.urlTemplate, stored.apiKeyHeader,
                stored.apiKeyCipher != null, "workspace", stored.updatedAt);
    }

    private FetchRouteView globalView(UUID workspaceId) {
        return new FetchRouteView(workspaceId, global.mode().apiValue(), global.urlTemplate(), global.apiKeyHeader(),
                global.sendsApiKey(), "global", null);
    }
}
