package io.hostreach.campaign.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.workspace.Workspace;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A workspace's widget configuration: its public key, allowed origins and consent text (admin API and /me/widget). */
@ApplicationScoped
public class WidgetSettings {

    /** Shown next to the consent checkbox and recorded with each lead unless the workspace sets its own. */
    public static final String DEFAULT_CONSENT_TEXT = "I agree to be contacted about my property by phone or WhatsApp "
            + "and to the processing of my data for that purpose.";
    static final int MAX_CONSENT_TEXT = 1000;
    private static final Logger LOG = Logger.getLogger(WidgetSettings.class);
    private static final Set<String> FIELDS = Set.of("allowedOrigins", "consentText");

    private final ObjectMapper mapper;

    public WidgetSettings(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Schema(name = "WidgetSettings")
    public record View(@Schema(examples = "wk_3f1c2a9b8d7e6f5a4b3c2d1e0f9a8b7c") String widgetKey,
                       @Schema(examples = "[\"https://www.agenciasol.es\"]") List<String> allowedOrigins,
                       String consentText) {
    }

    @WithSession
    public Uni<View> get(UUID workspaceId) {
        return find(workspaceId).map(this::view);
    }

    /** {@code {allowedOrigins?, consentText?}}: each field present replaces the stored one; null consentText = default. */
    @WithTransaction
    public Uni<View> update(UUID workspaceId, JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", FIELDS, v);
        List<String> origins = json.has("allowedOrigins") ? origins(json.get("allowedOrigins"), v) : null;
        String consentText = JsonBody.text(json, "consentText", "", v);
        if (consentText != null && (consentText.isBlank() || consentText.trim().length() > MAX_CONSENT_TEXT)) {
            v.add("consentText", "consentText must be 1 to " + MAX_CONSENT_TEXT + " characters");
        }
        v.throwIfAny();
        return find(workspaceId).map(w -> {
            if (origins != null) {
                w.widgetAllowedOrigins = write(origins);
            }
            if (json.has("consentText")) {
                w.widgetConsentText = consentText == null ? null : consentText.trim();
            }
            LOG.infof("workspace %s: widget settings updated (%d allowed origins)", w.id, allowedOrigins(w).size());
            return view(w);
        });
    }

    /** A new key at once; pages still using the old one get 404 from the intake. */
    @WithTransaction
    public Uni<View> rotateKey(UUID workspaceId) {
        return find(workspaceId).map(w -> {
            w.widgetKey = WidgetKeys.generate();
            LOG.infof("workspace %s: widget key rotated", w.id);
            return view(w);
        });
    }

    public List<String> allowedOrigins(Workspace w) {
        try {
            return mapper.readValue(w.widgetAllowedOrigins, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored widget origins of workspace " + w.id + " are corrupt", e);
        }
    }

    public String consentText(Workspace w) {
        return w.widgetConsentText == null ? DEFAULT_CONSENT_TEXT : w.widgetConsentText;
    }

    private View view(Workspace w) {
        return new View(w.widgetKey, allowedOrigins(w), consentText(w));
    }

    private static List<String> origins(JsonNode node, Violations v) {
        if (node == null || !node.isArray()) {
            v.add("allowedOrigins", "allowedOrigins must be an array of origins such as https://www.example.com");
            return null;
        }
        if (node.size() > WidgetOrigins.MAX_ORIGINS) {
            v.add("allowedOrigins", "allowedOrigins must have at most " + WidgetOrigins.MAX_ORIGINS + " origins");
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            var origin = item.isTextual() ? WidgetOrigins.canonical(item.asText()) : java.util.Optional.<String>empty();
            if (origin.isEmpty()) {
                v.add("allowedOrigins[" + i + "]", "allowedOrigins[" + i + "] must be an origin scheme://host[:port] "
                        + "with scheme http or https and no path, such as https://www.example.com");
            } else {
                out.add(origin.get());
            }
        }
        return new ArrayList<>(out);
    }

    private String write(List<String> origins) {
        try {
            return mapper.writeValueAsString(origins);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Uni<Workspace> find(UUID id) {
        return Workspace.<Workspace>findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Workspace not found"));
    }
}
