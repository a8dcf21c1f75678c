package io.hostreach.campaign.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.outreach.OutreachRelay;
import io.hostreach.campaign.outreach.OutreachWorkerClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Manual-mode tasks, kept by outreach-worker: fenced by the key's workspace and environment there. */
@ApplicationScoped
public class TaskService {

    private static final List<String> STATUSES = List.of("open", "done", "cancelled");
    private static final List<String> OUTCOMES = List.of("sent", "skipped", "replied");

    private final OutreachWorkerClient worker;
    private final OutreachRelay relay;
    private final ObjectMapper mapper;

    public TaskService(@RestClient OutreachWorkerClient worker, OutreachRelay relay, ObjectMapper mapper) {
        this.worker = worker;
        this.relay = relay;
        this.mapper = mapper;
    }

    /** A message for a human to send from their own WhatsApp: the rendered text and a click-to-chat link. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskView(UUID id, UUID leadId, UUID campaignId, int step, String phone, String text, String link,
                           Instant dueAt, String status, String outcome, Instant createdAt, Instant completedAt) {
    }

    public Uni<PageView<TaskView>> list(AuthenticatedKey key, String rawStatus, PageRequest page) {
        String status = rawStatus == null || rawStatus.isBlank() ? "open" : rawStatus.trim().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + String.join(", ", STATUSES));
        }
        return relay.call(worker.tasks(key.workspaceId(), key.environment().apiValue(), status, page.page(), page.limit()))
                .map(answer -> {
                    List<TaskView> data = new ArrayList<>();
                    answer.body().path("data").forEach(item -> data.add(mapper.convertValue(item, TaskView.class)));
                    return new PageView<>(data, page.page(), page.limit(), answer.body().path("total").asLong());
                });
    }

    public Uni<TaskView> complete(AuthenticatedKey key, String rawId, JsonNode body) {
        UUID id = Ids.parse(rawId, "Task");
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", Set.of("outcome"), v);
        String outcome = JsonBody.oneOf(json, "outcome", "", OUTCOMES, v);
        if (outcome == null && !json.hasNonNull("outcome")) {
            v.add("outcome", "outcome is required: " + String.join(", ", OUTCOMES));
        }
        v.throwIfAny();
        ObjectNode forward = mapper.createObjectNode().put("outcome", outcome);
        return relay.call(worker.completeTask(key.workspaceId(), id, key.environment().apiValue(), forward))
                .map(answer -> mapper.convertValue(answer.body(), TaskView.class));
    }
}
