package io.hostreach.outreach.webhook;

import io.hostreach.outreach.events.OutreachEvents;
import io.hostreach.outreach.events.TemplateStatusChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Locale;

/**
 * A {@code message_template_status_update} change: Meta approved, rejected, paused or disabled a template.
 * campaign-service owns templates, so this worker only relays it as {@code template.status-changed} (through
 * the outbox, in the payload's transaction). Its own cache of templates catches up within its TTL.
 */
@ApplicationScoped
public class TemplateStatusHandler {

    public static final String FIELD = "message_template_status_update";
    private static final Logger LOG = Logger.getLogger(TemplateStatusHandler.class);

    private final OutreachEvents events;

    public TemplateStatusHandler(OutreachEvents events) {
        this.events = events;
    }

    public Uni<Void> handle(String wabaId, Long entryTime, WebhookPayload.Value value, Instant receivedAt) {
        if (value.messageTemplateId() == null || value.event() == null) {
            LOG.warnf("a template status update without message_template_id or event was ignored (WABA %s)", wabaId);
            return Uni.createFrom().voidItem();
        }
        Instant at = entryTime == null ? receivedAt : Instant.ofEpochSecond(entryTime);
        String status = value.event().trim().toUpperCase(Locale.ROOT);
        LOG.infof("Meta template %s (%s/%s) of WABA %s: %s (%s)", value.messageTemplateId(), value.messageTemplateName(),
                value.messageTemplateLanguage(), wabaId, status, value.reason());
        return events.templateStatusChanged(new TemplateStatusChanged(wabaId, value.messageTemplateId(),
                value.messageTemplateName(), value.messageTemplateLanguage(), status, value.reason(), at));
    }
}
