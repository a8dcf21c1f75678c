package io.hostreach.campaign.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.TimeZones;
import io.hostreach.campaign.api.Violations;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Creates and reads workspaces (operator side). */
@ApplicationScoped
public class WorkspaceService {

    private static final Logger LOG = Logger.getLogger(WorkspaceService.class);
    private static final Set<String> FIELDS = Set.of("name", "timezone", "country");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public record WorkspaceView(UUID id, String name, String timezone, String country, String widgetKey,
                                Instant createdAt) {
        static WorkspaceView of(Workspace w) {
            return new WorkspaceView(w.id, w.name, w.timezone, w.country, w.widgetKey, w.createdAt);
        }
    }

    @WithTransaction
    public Uni<WorkspaceView> create(JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", FIELDS, v);
        String name = JsonBody.text(json, "name", "", v);
        if (name == null || name.isBlank()) {
            if (v.isEmpty()) {
                v.add("name", "name is required");
            }
        } else if (name.trim().length() > 255) {
            v.add("name", "name must be at most 255 characters");
        }
        String timezone = JsonBody.text(json, "timezone", "", v);
        if (timezone != null && !TimeZones.isValid(timezone)) {
            v.add("timezone", "timezone must be an IANA time zone such as Europe/Madrid");
        }
        String country = JsonBody.text(json, "country", "", v);
        if (country != null && !COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
            v.add("country", "country must be an ISO 3166-1 alpha-2 code such as ES");
        }
        v.throwIfAny();
        Workspace w = new Workspace();
        w.id = UUID.randomUUID();
        w.name = name.trim();
        w.timezone = timezone == null ? "Europe/Madrid" : timezone;
        w.country = country == null ? "ES" : country.toUpperCase(Locale.ROOT);
        w.widgetKey = io.hostreach.campaign.widget.WidgetKeys.generate();
        w.createdAt = Instant.now();
        return w.<Workspace>persist().invoke(saved -> LOG.infof("workspace %s created", saved.id))
                .map(WorkspaceView::of);
    }

    @WithSession
    public Uni<WorkspaceView> get(String rawId) {
        UUID id = Ids.parse(rawId, "Workspace");
        return Workspace.<Workspace>findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Workspace not found"))
                .map(WorkspaceView::of);
    }
}
