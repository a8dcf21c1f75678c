package io.hostreach.campaign.suppression;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.outreach.OutreachRelay;
import io.hostreach.campaign.outreach.OutreachWorkerClient;
import io.hostreach.campaign.outreach.PhoneNumbers;
import io.hostreach.campaign.workspace.Workspace;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The suppression list, kept by outreach-worker: numbers normalised here, the workspace and environment from the key. */
@ApplicationScoped
public class SuppressionService {

    private static final Set<String> FIELDS = Set.of("phone", "reason");

    private final OutreachWorkerClient worker;
    private final OutreachRelay relay;
    private final ObjectMapper mapper;

    public SuppressionService(@RestClient OutreachWorkerClient worker, OutreachRelay relay, ObjectMapper mapper) {
        this.worker = worker;
        this.relay = relay;
        this.mapper = mapper;
    }

    /** One number on the list; {@code source} is manual, opt_out (a reply) or whatsapp_opt_out (Meta's 131050). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SuppressionView(String phone, String reason, String source, Instant createdAt) {
    }

    public record Added(SuppressionView view, boolean created) {
    }

    public Uni<PageView<SuppressionView>> list(AuthenticatedKey key, PageRequest page) {
        return relay.call(worker.suppressions(key.workspaceId(), key.environment().apiValue(), page.page(), page.limit()))
                .map(answer -> {
                    List<SuppressionView> data = new ArrayList<>();
                    answer.body().path("data").forEach(item -> data.add(view(item)));
                    return new PageView<>(data, page.page(), page.limit(), answer.body().path("total").asLong());
                });
    }

    public Uni<Added> add(AuthenticatedKey key, JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", FIELDS, v);
        String rawPhone = JsonBody.text(json, "phone", "", v);
        String reason = JsonBody.text(json, "reason", "", v);
        if (rawPhone == null && !json.hasNonNull("phone")) {
            v.add("phone", "phone is required (E.164, e.g. +34612345678)");
        }
        if (reason != null && reason.trim().length() > 255) {
            v.add("reason", "reason must be at most 255 characters");
        }
        v.throwIfAny();
        return normalise(key, rawPhone).chain(phone -> {
            ObjectNode forward = mapper.createObjectNode();
            forward.put("phone", phone);
            if (reason != null && !reason.isBlank()) {
                forward.put("reason", reason.trim());
            }
            return relay.call(worker.suppress(key.workspaceId(), key.environment().apiValue(), forward))
                    .map(answer -> new Added(view(answer.body()), answer.status() == 201));
        });
    }

    public Uni<Void> remove(AuthenticatedKey key, String rawPhone) {
        if (rawPhone == null || rawPhone.isBlank()) {
            throw ApiException.badRequest("phone is required (?phone=%2B34612345678 or /suppressions/{phone})");
        }
        return normalise(key, rawPhone)
                .chain(phone -> relay.call(worker.unsuppress(key.workspaceId(), phone, key.environment().apiValue())))
                .replaceWithVoid();
    }

    /** A number without its country code is read in the workspace's country. */
    Uni<String> normalise(AuthenticatedKey key, String raw) {
        return Panache.withSession(() -> Workspace.<Workspace>findById(key.workspaceId())).map(workspace -> PhoneNumbers
                .e164(raw, workspace == null ? null : workspace.country)
                .orElseThrow(() -> ApiException.badRequest("phone must be a valid phone number (E.164, e.g. +34612345678)")));
    }

    private SuppressionView view(JsonNode item) {
        return mapper.convertValue(item, SuppressionView.class);
    }
}
