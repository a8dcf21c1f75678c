package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.Violations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A sequence step's templateId must name a template of the campaign's workspace and environment: a typo or
 * another workspace's id is a 400 when the campaign is written, not a surprise when it runs. (Whether the
 * template is approved is checked before running: approval can come later.)
 */
@ApplicationScoped
public class TemplateReferences {

    public Uni<Void> check(UUID workspaceId, String environment, JsonNode settings) {
        JsonNode sequence = settings == null ? null : settings.get("sequence");
        List<Integer> steps = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        if (sequence != null && sequence.isArray()) {
            for (int i = 0; i < sequence.size(); i++) {
                JsonNode id = sequence.get(i).get("templateId");
                if (id != null && id.isTextual()) {
                    steps.add(i);
                    ids.add(UUID.fromString(id.asText()));
                }
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = "select id from message_template where workspace_id = :ws and environment = :env and id in (:ids)";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, UUID.class)
                        .setParameter("ws", workspaceId).setParameter("env", environment).setParameter("ids", ids)
                        .getResultList())
                .invoke(found -> {
                    Violations v = new Violations();
                    for (int k = 0; k < ids.size(); k++) {
                        if (!found.contains(ids.get(k))) {
                            String field = "settings.sequence[" + steps.get(k) + "].templateId";
                            v.add(field, field + " names no template of this workspace (GET /templates)");
                        }
                    }
                    v.throwIfAny();
                })
                .replaceWithVoid();
    }
}
