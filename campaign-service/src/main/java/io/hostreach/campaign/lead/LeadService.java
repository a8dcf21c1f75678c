package io.hostreach.campaign.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.campaign.Platform;
import io.hostreach.campaign.webhook.WebhookEventTypes;
import io.hostreach.campaign.webhook.WebhookQueue;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Leads: list, read, move through the pipeline, annotate, erase. */
@ApplicationScoped
public class LeadService {

    private static final Logger LOG = Logger.getLogger(LeadService.class);
    static final int NOTE_MAX = 10_000;

    private final LeadQuery query;
    private final LeadMapper mapper;
    private final WebhookQueue webhooks;

    public LeadService(LeadQuery query, LeadMapper mapper, WebhookQueue webhooks) {
        this.query = query;
        this.mapper = mapper;
        this.webhooks = webhooks;
    }

    public record NoteView(UUID id, UUID leadId, String content, Instant createdAt) {
        static NoteView of(LeadNote note) {
            return new NoteView(note.id, note.leadId, note.content, note.createdAt);
        }
    }

    @WithSession
    public Uni<PageView<LeadView>> list(AuthenticatedKey key, String status, String campaignId, String platform,
                                        String q, PageRequest page) {
        Violations v = new Violations();
        if (status != null && !LeadStatus.ALL.contains(status)) {
            v.add("status", "status must be one of " + String.join(", ", LeadStatus.ALL));
        }
        UUID campaign = null;
        if (campaignId != null) {
            try {
                campaign = UUID.fromString(campaignId);
            } catch (IllegalArgumentException e) {
                v.add("campaignId", "campaignId must be a campaign id (UUID)");
            }
        }
        if (platform != null && Platform.fromApi(platform).isEmpty()) {
            v.add("platform", "platform must be one of " + String.join(", ", Platform.API_VALUES));
        }
        if (q != null && q.length() > 200) {
            v.add("q", "q must be at most 200 characters");
        }
        v.throwIfAny();
        return query.list(key, new LeadQuery.Filters(status, campaign, null, platform, q), page);
    }

    @WithSession
    public Uni<LeadView> get(AuthenticatedKey key, String id) {
        return find(key, id).map(mapper::view);
    }

    @WithTransaction
    public Uni<LeadView> updateStatus(AuthenticatedKey key, String id, JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", Set.of("status"), v);
        String status = JsonBody.text(json, "status", "", v);
        if (LeadStatus.PENDING.equals(status)) {
            v.add("status", "status PENDING is set by the system only");
        } else if (status != null && !LeadStatus.SETTABLE.contains(status)) {
            v.add("status", "status must be one of " + String.join(", ", LeadStatus.SETTABLE));
        } else if (status == null && !json.hasNonNull("status")) {
            v.add("status", "status is required");
        }
        v.throwIfAny();
        return find(key, id).chain(lead -> {
            String previous = lead.status;
            lead.status = status;
            lead.updatedAt = Instant.now();
            if (previous.equals(status)) {
                return Uni.createFrom().item(lead);
            }
            var data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            data.put("leadId", lead.id.toString());
            data.put("campaignId", lead.campaignId.toString());
            data.put("previousStatus", previous);
            data.put("status", status);
            data.put("changedBy", "api");
            return webhooks.publish(lead.workspaceId, lead.environment, WebhookEventTypes.LEAD_STATUS_UPDATED, data)
                    .replaceWith(lead);
        }).map(mapper::view);
    }

    /** Erases the lead and its notes: personal data is not kept once the agency deletes it. */
    @WithTransaction
    public Uni<Void> delete(AuthenticatedKey key, String id) {
        return find(key, id).chain(lead -> lead.delete().invoke(() -> LOG.infof("lead %s erased", lead.id)));
    }

    @WithSession
    public Uni<List<NoteView>> notes(AuthenticatedKey key, String id) {
        return find(key, id).chain(lead -> LeadNote.<LeadNote>find("leadId", Sort.descending("createdAt"), lead.id).list())
                .map(notes -> notes.stream().map(NoteView::of).toList());
    }

    @WithTransaction
    public Uni<NoteView> addNote(AuthenticatedKey key, String id, JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", Set.of("content"), v);
        String content = JsonBody.text(json, "content", "", v);
        if ((content == null || content.isBlank()) && v.isEmpty()) {
            v.add("content", "content is required");
        } else if (content != null && content.length() > NOTE_MAX) {
            v.add("content", "content must be at most " + NOTE_MAX + " characters");
        }
        v.throwIfAny();
        return find(key, id).chain(lead -> {
            LeadNote note = new LeadNote();
            note.id = UUID.randomUUID();
            note.leadId = lead.id;
            note.content = content.strip();
            note.createdAt = Instant.now();
            return note.<LeadNote>persist();
        }).map(NoteView::of);
    }

    @WithTransaction
    public Uni<Void> deleteNote(AuthenticatedKey key, String id, String noteId) {
        UUID note = Ids.parse(noteId, "Note");
        return find(key, id).chain(lead -> LeadNote.delete("id = ?1 and leadId = ?2", note, lead.id))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw ApiException.notFound("Note not found");
                    }
                }).replaceWithVoid();
    }

    private Uni<Lead> find(AuthenticatedKey key, String rawId) {
        UUID id = Ids.parse(rawId, "Lead");
        return Lead.<Lead>find("id = ?1 and workspaceId = ?2 and environment = ?3", id, key.workspaceId(),
                        key.environment().apiValue()).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Lead not found"));
    }
}
