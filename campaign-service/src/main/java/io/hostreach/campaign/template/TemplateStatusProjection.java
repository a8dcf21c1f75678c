package io.hostreach.campaign.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.platform.events.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Meta's review of a template, relayed by outreach-worker as {@code template.status-changed}: every live template
 * with that Meta id takes the new status (one whose submission answer is still on its way is found by WABA, name
 * and language). Meta's events that are no status of ours (FLAGGED, IN_APPEAL…) only update the reason. A webhook
 * older than the last one applied is ignored, so a late redelivery cannot move a template back. Call inside the
 * consumer's transaction.
 */
@ApplicationScoped
public class TemplateStatusProjection {

    private static final Logger LOG = Logger.getLogger(TemplateStatusProjection.class);
    /** Meta's events that name another status of ours; the rest of TemplateSubmitter.META_STATUSES map to themselves. */
    private static final Map<String, String> ALIASES = Map.of("REINSTATED", "APPROVED", "PENDING_DELETION", "DISABLED",
            "DELETED", "DISABLED");

    public record StatusChange(String wabaId, String metaTemplateId, String name, String language, String status,
                               String reason, Instant occurredAt) {

        public static StatusChange from(JsonNode data) {
            String id = text(data, "metaTemplateId");
            String status = text(data, "status");
            if (id == null || status == null) {
                throw new PoisonEventException("template.status-changed without metaTemplateId or status");
            }
            Instant at;
            try {
                at = data.hasNonNull("occurredAt") ? Instant.parse(data.get("occurredAt").asText()) : Instant.now();
            } catch (DateTimeParseException e) {
                throw new PoisonEventException("template.status-changed with an invalid occurredAt");
            }
            return new StatusChange(text(data, "wabaId"), id, text(data, "name"), text(data, "language"), status,
                    text(data, "reason"), at);
        }

        private static String text(JsonNode data, String field) {
            JsonNode value = data.get(field);
            return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
        }
    }

    public Uni<String> apply(JsonNode data) {
        StatusChange change = StatusChange.from(data);
        return MessageTemplate.<MessageTemplate>list("environment = 'live' and apiType = ?1 and (metaTemplateId = ?2 "
                                + "or (metaTemplateId is null and wabaId = ?3 and name = ?4 and language = ?5))",
                        MessageTemplate.META_API, change.metaTemplateId(), String.valueOf(change.wabaId()),
                        String.valueOf(change.name()), String.valueOf(change.language()))
                .map(templates -> {
                    if (templates.isEmpty()) {
                        LOG.infof("Meta template %s (%s) is %s: no template of ours", change.metaTemplateId(), change.name(),
                                change.status());
                        return "unknown-template";
                    }
                    boolean applied = false;
                    for (MessageTemplate t : templates) {
                        applied |= apply(t, change);
                    }
                    return applied ? "applied" : "stale";
                });
    }

    private static boolean apply(MessageTemplate t, StatusChange change) {
        if (t.metaStatusAt != null && change.occurredAt().isBefore(t.metaStatusAt)) {
            return false;
        }
        String status = ALIASES.getOrDefault(change.status(), change.status());
        boolean ours = TemplateSubmitter.META_STATUSES.contains(status);
        Instant now = Instant.now();
        t.metaTemplateId = change.metaTemplateId();
        t.metaStatusAt = change.occurredAt();
        if (ours && !status.equals(t.status)) {
            t.status = status;
            t.statusChangedAt = now;
        }
        t.statusReason = reason(change, ours);
        t.updatedAt = now;
        LOG.infof("template %s (%s/%s): Meta says %s", t.id, t.name, t.language, change.status());
        return true;
    }

    private static String reason(StatusChange change, boolean ours) {
        String why = change.reason() == null || "NONE".equalsIgnoreCase(change.reason()) ? null : change.reason();
        String event = change.status();
        if (!ours) {
            return "Meta reports " + event + (why == null ? "" : ": " + why);
        }
        return switch (ALIASES.getOrDefault(event, event)) {
            case "APPROVED", "PENDING" -> List.of("APPROVED", "PENDING").contains(event) ? why : "Meta reports " + event;
            default -> "Meta " + event.toLowerCase().replace('_', ' ') + (why == null ? "" : ": " + why);
        };
    }
}
