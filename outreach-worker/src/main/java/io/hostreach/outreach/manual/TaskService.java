package io.hostreach.outreach.manual;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.CampaignRepository;
import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.common.Page;
import io.hostreach.outreach.enrolment.EnrolmentStatus;
import io.hostreach.outreach.events.LeadReplied;
import io.hostreach.outreach.events.OutreachEvents;
import io.hostreach.outreach.events.TaskCreated;
import io.hostreach.outreach.send.MessageEvents;
import io.hostreach.outreach.send.MessageStatus;
import io.hostreach.outreach.send.OutreachMessage;
import io.hostreach.outreach.sequence.SequenceService;
import io.hostreach.platform.events.EventTypes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Manual mode: a due step becomes a task (rendered text, click-to-chat link, due time) for a human, under
 * the same guard rails as automatic sends. Completing it records what the human did and moves the
 * sequence on: {@code sent} and {@code skipped} schedule the next step, {@code replied} ends the sequence.
 */
@ApplicationScoped
public class TaskService {

    public static final String CHANNEL = "manual";
    private static final Set<String> OUTCOMES = Set.of("sent", "skipped", "replied");

    private final OutreachEvents events;
    private final SequenceService sequences;
    private final CampaignRepository campaigns;
    private final ManualTaskRepository tasks;
    private final ObjectMapper mapper;
    private final Clock clock;

    public TaskService(OutreachEvents events, SequenceService sequences, CampaignRepository campaigns,
                       ManualTaskRepository tasks, ObjectMapper mapper, Clock clock) {
        this.events = events;
        this.sequences = sequences;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Turns a claimed message into an open task and announces it. Inside the claiming transaction. */
    public Uni<ManualTask> create(OutreachMessage message, String text) {
        Instant now = clock.instant();
        ManualTask task = new ManualTask();
        task.id = UUID.randomUUID();
        task.messageId = message.id;
        task.leadId = message.leadId;
        task.campaignId = message.campaignId;
        task.workspaceId = message.workspaceId;
        task.environment = message.environment;
        task.step = message.step;
        task.phone = message.phone;
        task.text = text;
        task.link = ClickToChat.link(message.phone, text);
        task.dueAt = now;
        task.status = ManualTask.OPEN;
        task.createdAt = now;
        message.channel = CHANNEL;
        message.status = MessageStatus.TASK_OPEN;
        message.body = text;
        return Panache.getSession().chain(s -> s.persist(task))
                .chain(() -> events.taskCreated(new TaskCreated(task.id, task.leadId, task.campaignId, task.workspaceId,
                        task.environment, task.step, task.text, task.link, task.dueAt)))
                .replaceWith(task);
    }

    public Uni<Page<TaskView>> list(UUID workspaceId, String environment, String status, int page, int limit) {
        String wanted = status == null ? ManualTask.OPEN : status.toUpperCase(Locale.ROOT);
        if (!Set.of(ManualTask.OPEN, ManualTask.DONE, ManualTask.CANCELLED).contains(wanted)) {
            throw new BadRequestException("status must be one of open, done, cancelled");
        }
        return Panache.withSession(() -> {
            var query = tasks.inStatus(workspaceId, environment, wanted).page(page - 1, limit);
            return query.list().chain(found -> query.count()
                    .map(total -> new Page<>(found.stream().map(TaskView::of).toList(), page, limit, total)));
        });
    }

    public Uni<TaskView> complete(UUID taskId, String outcomeValue) {
        return complete(taskId, outcomeValue, null, null);
    }

    /** Completes a task; when {@code workspaceId} is given, a task of another workspace or environment is a 404. */
    public Uni<TaskView> complete(UUID taskId, String outcomeValue, UUID workspaceId, String environment) {
        String outcome = outcomeValue == null ? "" : outcomeValue.toLowerCase(Locale.ROOT);
        if (!OUTCOMES.contains(outcome)) {
            throw new BadRequestException("outcome must be one of sent, skipped, replied");
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.find(ManualTask.class, taskId, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> new NotFoundException("Task " + taskId + " does not exist"))
                .chain(task -> {
                    if (workspaceId != null && (!workspaceId.equals(task.workspaceId) || !task.environment.equals(environment))) {
                        throw new NotFoundException("Task " + taskId + " does not exist");
                    }
                    if (!ManualTask.OPEN.equals(task.status)) {
                        throw new ClientErrorException("Task " + taskId + " is " + task.status.toLowerCase(Locale.ROOT)
                                + ", only an open task can be completed", 409);
                    }
                    return Panache.getSession().chain(s -> s.find(OutreachMessage.class, task.messageId, LockModeType.PESSIMISTIC_WRITE))
                            .chain(message -> record(task, message, outcome))
                            .replaceWith(task);
                })).map(TaskView::of);
    }

    private Uni<Void> record(ManualTask task, OutreachMessage message, String outcome) {
        Instant now = clock.instant();
        task.status = ManualTask.DONE;
        task.outcome = outcome;
        task.completedAt = now;
        message.updatedAt = now;
        return switch (outcome) {
            case "sent" -> {
                message.status = MessageStatus.SENT;
                message.sentAt = now;
                yield events.message(EventTypes.MESSAGE_SENT, MessageEvents.of(message, now))
                        .chain(() -> advance(message, now));
            }
            case "skipped" -> {
                message.status = MessageStatus.SKIPPED;
                yield advance(message, now);
            }
            default -> {
                message.status = MessageStatus.SKIPPED;
                Uni<Boolean> ended = message.enrolmentId == null ? Uni.createFrom().item(false)
                        : sequences.end(message.enrolmentId, EnrolmentStatus.REPLIED, "replied");
                yield ended.chain(() -> events.replied(new LeadReplied(message.leadId, message.campaignId, message.workspaceId,
                                message.environment, null, now)));
            }
        };
    }

    private Uni<Void> advance(OutreachMessage message, Instant at) {
        if (message.adhoc()) {
            return Uni.createFrom().voidItem(); // not a step: nothing follows it
        }
        return campaigns.findById(message.campaignId).chain(campaign -> campaign == null
                ? Uni.createFrom().voidItem()
                : sequences.advance(message, CampaignSettings.of(campaign, mapper), at));
    }
}
