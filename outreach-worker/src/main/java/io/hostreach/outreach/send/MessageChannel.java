package io.hostreach.outreach.send;

import io.smallrye.mutiny.Uni;

/** A way out to WhatsApp (Cloud API, Evolution API, the sandbox). Never fails: errors are results. */
public interface MessageChannel {

    /** The channel name stored on the message and carried by events (whatsapp | evolution | sandbox). */
    String name();

    Uni<SendResult> send(OutboundMessage message);
}
