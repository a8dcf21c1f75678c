package io.hostreach.campaign.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.PublicApi;
import io.hostreach.campaign.auth.ApiScope;
import io.hostreach.campaign.auth.CurrentApiKey;
import io.hostreach.campaign.idempotency.Idempotency;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /messaging}: ad-hoc sends, conversations, and the tasks of manual mode. */
@ApiScope("messaging")
@Path(PublicApi.PREFIX + "/messaging")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messaging", description = "Scopes: messaging:read for GET, messaging:write otherwise. Every message goes "
        + "through the same guard rails as a campaign's sequence: the suppression list, quiet hours and legal contact "
        + "windows in the recipient's time zone, per-recipient spacing, the account's limits, and WhatsApp's 24-hour "
        + "window for free text.")
public class MessagingResource {

    private final SendService sends;
    private final ConversationService conversations;
    private final TaskService tasks;
    private final CurrentApiKey apiKey;
    private final Idempotency idempotency;

    public MessagingResource(SendService sends, ConversationService conversations, TaskService tasks, CurrentApiKey apiKey,
                             Idempotency idempotency) {
        this.sends = sends;
        this.conversations = conversations;
        this.tasks = tasks;
        this.apiKey = apiKey;
        this.idempotency = idempotency;
    }

    @POST
    @Path("/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send free text to a lead", description = "`{leadId, message, accountId?, campaignId?}`. Free text "
            + "goes only inside the lead's 24-hour window (the lead wrote to the business number in the last 24 hours); "
            + "outside it the answer is 409 and a template is needed (`/messaging/send-template`). The message is sent from "
            + "the campaign's account (`campaignId`, default the lead's campaign); `accountId`, when given, must be that "
            + "account. 409 for a suppressed number, 422 for a lead without a phone. The answer is the queued message; its "
            + "statuses follow in the conversation and as message.status_updated webhooks.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MessagingBodies.Send.class), examples = @ExampleObject(name = "send",
            value = "{\"leadId\": \"5b0f7f4e-3c1a-4d7e-9a43-1f2a3b4c5d6e\", \"message\": \"¡Gracias! ¿Le viene bien mañana a las 11?\"}")))
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "409", description = "Outside the 24-hour window, or the number is suppressed")
    @APIResponse(responseCode = "422", description = "The lead has no phone number")
    public Uni<Response> send(@HeaderParam(Idempotency.HEADER) String idempotencyKey, JsonNode body) {
        return idempotency.runAcrossServices(apiKey.get(), idempotencyKey, "POST /messaging/send", body,
                () -> sends.sendText(apiKey.get(), body, idempotencyKey).map(view -> Response.status(202).entity(view).build()));
    }

    @POST
    @Path("/send-template")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a template to a lead", description = "`{leadId, templateId, accountId?, scheduledAt?, "
            + "campaignId?}`. The template's variables are filled from the lead. `scheduledAt` (ISO-8601 UTC, at most 30 "
            + "days ahead) delays it; quiet hours and legal windows may delay it further. 409 for a suppressed number, 422 "
            + "for a lead without a phone.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MessagingBodies.SendTemplate.class), examples = @ExampleObject(name = "sendTemplate",
            value = "{\"leadId\": \"5b0f7f4e-3c1a-4d7e-9a43-1f2a3b4c5d6e\", \"templateId\": \"0c6f1d0e-8a57-4d1c-9b1e-2f3a4b5c6d7e\", "
                    + "\"scheduledAt\": \"2026-11-30T10:00:00Z\"}")))
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "409", description = "The number is suppressed")
    @APIResponse(responseCode = "422", description = "The lead has no phone number, or the template cannot be sent")
    public Uni<Response> sendTemplate(@HeaderParam(Idempotency.HEADER) String idempotencyKey, JsonNode body) {
        return idempotency.runAcrossServices(apiKey.get(), idempotencyKey, "POST /messaging/send-template", body,
                () -> sends.sendTemplate(apiKey.get(), body, idempotencyKey).map(view -> Response.status(202).entity(view).build()));
    }

    @GET
    @Path("/conversations")
    @Operation(summary = "List conversations", description = "One row per lead with its last message (either direction), "
            + "the most recent conversation first.")
    public Uni<PageView<ConversationService.ConversationSummary>> conversations(@QueryParam("page") String page,
                                                                                 @QueryParam("limit") String limit) {
        return conversations.list(apiKey.get(), PageRequest.of(page, limit));
    }

    @GET
    @Path("/conversations/{leadId}")
    @Operation(summary = "A lead's conversation", description = "Its messages both ways, newest first, with direction, status, "
            + "timestamps and error.")
    public Uni<ConversationService.Conversation> conversation(@PathParam("leadId") String leadId, @QueryParam("page") String page,
                                                              @QueryParam("limit") String limit) {
        return conversations.conversation(apiKey.get(), leadId, PageRequest.of(page, limit));
    }

    @GET
    @Path("/tasks")
    @Operation(summary = "Manual-mode tasks", description = "`status`: open (default), done or cancelled. Each task has the "
            + "rendered text, a click-to-chat link and its due time; open tasks oldest due first.")
    public Uni<PageView<TaskService.TaskView>> tasks(@QueryParam("status") String status, @QueryParam("page") String page,
                                                     @QueryParam("limit") String limit) {
        return tasks.list(apiKey.get(), status, PageRequest.of(page, limit));
    }

    @POST
    @Path("/tasks/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete a task", description = "`{outcome: sent | skipped | replied}`: sent and skipped move the "
            + "lead's sequence on, replied ends it. 409 when the task is not open.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MessagingBodies.TaskCompletion.class), examples = @ExampleObject(name = "complete",
            value = "{\"outcome\": \"sent\"}")))
    public Uni<Response> complete(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") String id,
                                  JsonNode body) {
        return idempotency.runAcrossServices(apiKey.get(), idempotencyKey, "POST /messaging/tasks/" + id + "/complete", body,
                () -> tasks.complete(apiKey.get(), id, body).map(view -> Response.ok(view).build()));
    }
}
