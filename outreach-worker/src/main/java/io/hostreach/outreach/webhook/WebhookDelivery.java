package io.hostreach.outreach.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A webhook payload exactly as received, stored before the 200 and processed after it. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public static final String META = "meta";
    public static final String SANDBOX = "sandbox";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    public static WebhookDelivery of(String source, String payload, Instant receivedAt) {
        WebhookDelivery d = new WebhookDelivery();
        d.source = source;
        d.payload = payload;
        d.receivedAt = receivedAt;
        return d;
    }
}
