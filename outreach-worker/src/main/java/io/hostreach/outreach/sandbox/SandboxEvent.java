package io.hostreach.outreach.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A webhook the sandbox will send: one {@code value} object (metadata + a status or a message), due at a time. */
@Entity
@Table(name = "sandbox_event")
public class SandboxEvent {

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public String payload;

    @Column(name = "emitted_at")
    public Instant emittedAt;
}
