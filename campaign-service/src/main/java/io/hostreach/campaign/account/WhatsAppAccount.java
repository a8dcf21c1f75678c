package io.hostreach.campaign.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A connected WhatsApp sender: a Cloud API number, or a manual / Evolution API one. Secrets stay sealed. */
@Entity
@Table(name = "whatsapp_account")
public class WhatsAppAccount extends PanacheEntityBase {

    public static final String CLOUD_API = "whatsapp";
    public static final String MANUAL = "whatsapp-no-api";

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false)
    public String environment;

    @Column(nullable = false)
    public String type;

    public String name;

    @Column(nullable = false)
    public String phone;

    @Column(name = "waba_id")
    public String wabaId;

    @Column(name = "phone_number_id")
    public String phoneNumberId;

    @Column(name = "token_sealed")
    public String tokenSealed;

    @Column(name = "evolution_api_url")
    public String evolutionApiUrl;

    @Column(name = "evolution_instance_id")
    public String evolutionInstanceId;

    @Column(name = "evolution_api_key_sealed")
    public String evolutionApiKeySealed;

    @Column(name = "daily_limit", nullable = false)
    public int dailyLimit;

    /** connected, or disconnected once Meta refuses its token. */
    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
