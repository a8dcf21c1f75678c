package io.hostreach.outreach.sandbox;

import io.hostreach.outreach.common.Contexts;
import io.hostreach.outreach.send.MessageChannel;
import io.hostreach.outreach.send.OutboundMessage;
import io.hostreach.outreach.send.ProviderError;
import io.hostreach.outreach.send.SendResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sandbox WhatsApp for test-mode campaigns: accepts a send as the Cloud API does (a wamid, the wa_id)
 * and schedules the webhooks a real number would bring (sent, delivered, read; a reply, an opt-out, a
 * 131026 or a 131049, by {@link SandboxScenario}), echoing {@code biz_opaque_callback_data}. They are
 * stored before the send is answered, so they arrive even if this worker dies right after, and they go
 * through the same webhook pipeline as Meta's. Nothing leaves the machine; no credentials are needed.
 */
@ApplicationScoped
public class SandboxWhatsApp implements MessageChannel {

    public static final String CHANNEL = "sandbox";
    static final String REPLY_TEXT = "Hola, sí, me interesa. ¿Me cuenta más?";
    static final String OPT_OUT_TEXT = "BAJA";

    private final Vertx vertx;
    private final Clock clock;
    private final Duration step;

    public SandboxWhatsApp(Vertx vertx, Clock clock,
                           @ConfigProperty(name = "hostreach.sandbox.status-delay", defaultValue = "PT2S") Duration step) {
        this.vertx = vertx;
        this.clock = clock;
        this.step = step;
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    @Override
    public Uni<SendResult> send(OutboundMessage message) {
        String wamid = "wamid.SANDBOX." + UUID.randomUUID();
        String digits = message.toDigits();
        List<SandboxEvent> events = plan(message, wamid, digits, clock.instant());
        return Contexts.onFreshContext(vertx, () -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(s::persist)
                                .collect().asList())))
                .map(stored -> (SendResult) new SendResult.Accepted(wamid, digits))
                .onFailure().recoverWithItem(failure -> new SendResult.Rejected(
                        ProviderError.connection("sandbox unavailable: " + failure.getMessage())));
    }

    List<SandboxEvent> plan(OutboundMessage message, String wamid, String digits, Instant now) {
        SandboxScenario scenario = SandboxScenario.forNumber(digits);
        List<SandboxEvent> events = new ArrayList<>();
        if (scenario == SandboxScenario.NOT_ON_WHATSAPP) {
            events.add(status(message, wamid, digits, "failed", now.plus(step), 131026, "Message undeliverable"));
            return events;
        }
        events.add(status(message, wamid, digits, "sent", now.plus(step), null, null));
        if (scenario == SandboxScenario.ECOSYSTEM_LIMIT) {
            events.add(status(message, wamid, digits, "failed", now.plus(step.multipliedBy(2)), 131049,
                    "This message was not delivered to maintain healthy ecosystem engagement."));
            return events;
        }
        events.add(status(message, wamid, digits, "delivered", now.plus(step.multipliedBy(2)), null, null));
        if (scenario == SandboxScenario.DELIVERED_ONLY) {
            return events;
        }
        events.add(status(message, wamid, digits, "read", now.plus(step.multipliedBy(3)), null, null));
        if (scenario == SandboxScenario.REPLY || scenario == SandboxScenario.OPT_OUT) {
            String text = scenario == SandboxScenario.REPLY ? REPLY_TEXT : OPT_OUT_TEXT;
            events.add(inbound(message, wamid, digits, text, now.plus(step.multipliedBy(4))));
        }
        return events;
    }

    private static SandboxEvent status(OutboundMessage message, String wamid, String digits, String status, Instant at,
                                       Integer errorCode, String errorTitle) {
        JsonObject s = new JsonObject()
                .put("id", wamid)
                .put("status", status)
                .put("timestamp", String.valueOf(at.getEpochSecond()))
                .put("recipient_id", digits)
                .put("biz_opaque_callback_data", message.messageId().toString());
        if (errorCode != null) {
            s.put("errors", new JsonArray().add(new JsonObject().put("code", errorCode).put("title", errorTitle)
                    .put("message", errorTitle).put("error_data", new JsonObject().put("details", errorTitle))));
        } else if (!"read".equals(status)) {
            s.put("pricing", new JsonObject().put("billable", true).put("pricing_model", "PMP").put("category", "marketing"));
        }
        return event(message, at, value(message).put("statuses", new JsonArray().add(s)));
    }

    private static SandboxEvent inbound(OutboundMessage message, String wamid, String digits, String text, Instant at) {
        JsonObject m = new JsonObject()
                .put("from", digits)
                .put("id", "wamid.SANDBOX.IN." + UUID.randomUUID())
                .put("timestamp", String.valueOf(at.getEpochSecond()))
                .put("type", "text")
                .put("text", new JsonObject().put("body", text))
                .put("context", new JsonObject().put("from", message.senderId()).put("id", wamid));
        JsonObject value = value(message)
                .put("contacts", new JsonArray().add(new JsonObject().put("wa_id", digits)
                        .put("profile", new JsonObject().put("name", "Sandbox lead"))))
                .put("messages", new JsonArray().add(m));
        return event(message, at, value);
    }

    private static JsonObject value(OutboundMessage message) {
        return new JsonObject().put("messaging_product", "whatsapp")
                .put("metadata", new JsonObject().put("display_phone_number", "sandbox").put("phone_number_id", message.senderId()));
    }

    private static SandboxEvent event(OutboundMessage message, Instant due, JsonObject value) {
        SandboxEvent e = new SandboxEvent();
        e.id = UUID.randomUUID();
        e.messageId = message.messageId();
        e.dueAt = due;
        e.payload = value.encode();
        return e;
    }
}
