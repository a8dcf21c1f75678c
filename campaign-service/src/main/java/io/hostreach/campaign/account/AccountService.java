package io.hostreach.campaign.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.api.Ids;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.PageRequest;
import io.hostreach.campaign.api.PageView;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.hostreach.campaign.crypto.SecretBox;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** WhatsApp accounts: connect, list (never a secret), disconnect. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    private static final Set<String> CLOUD_FIELDS = Set.of("type", "name", "whatsAppBusinessAccountId", "phoneNumberId",
            "token", "phone", "dailyLimit");
    private static final Set<String> MANUAL_FIELDS = Set.of("type", "name", "phone", "evolutionInstanceId",
            "evolutionApiUrl", "evolutionApiKey", "dailyLimit");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final SecretBox secrets;

    public AccountService(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** An account as the API shows it: no token, no API key, only whether one is set. */
    public record AccountView(UUID id, String type, String name, String phone, String whatsAppBusinessAccountId,
                              String phoneNumberId, String evolutionInstanceId, String evolutionApiUrl,
                              boolean hasToken, int dailyLimit, String status, Instant createdAt) {
        static AccountView of(WhatsAppAccount a) {
            return new AccountView(a.id, a.type, a.name, a.phone, a.wabaId, a.phoneNumberId, a.evolutionInstanceId,
                    a.evolutionApiUrl, a.tokenSealed != null || a.evolutionApiKeySealed != null, a.dailyLimit, a.status,
                    a.createdAt);
        }
    }

    @WithTransaction
    public Uni<AccountView> create(AuthenticatedKey key, JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        String type = JsonBody.oneOf(json, "type", "", List.of(WhatsAppAccount.CLOUD_API, WhatsAppAccount.MANUAL), v);
        if (type == null) {
            if (!json.hasNonNull("type")) {
                v.add("type", "type is required (whatsapp or whatsapp-no-api)");
            }
            v.throwIfAny();
        }
        boolean cloud = WhatsAppAccount.CLOUD_API.equals(type);
        JsonBody.allowOnly(json, "", cloud ? CLOUD_FIELDS : MANUAL_FIELDS, v);
        WhatsAppAccount a = new WhatsAppAccount();
        a.id = UUID.randomUUID();
        a.workspaceId = key.workspaceId();
        a.environment = key.environment().apiValue();
        a.type = type;
        a.name = JsonBody.text(json, "name", "", v);
        a.phone = phone(JsonBody.text(json, "phone", "", v), v);
        Integer dailyLimit = JsonBody.integerBetween(json, "dailyLimit", "", 1, 100_000, v);
        a.dailyLimit = dailyLimit == null ? 250 : dailyLimit;
        if (cloud) {
            a.wabaId = digits(json, "whatsAppBusinessAccountId", v);
            a.phoneNumberId = digits(json, "phoneNumberId", v);
            String token = required(json, "token", v);
            a.tokenSealed = token == null ? null : secrets.seal(token);
        } else {
            a.evolutionInstanceId = JsonBody.text(json, "evolutionInstanceId", "", v);
            a.evolutionApiUrl = JsonBody.text(json, "evolutionApiUrl", "", v);
            String apiKey = JsonBody.text(json, "evolutionApiKey", "", v);
            a.evolutionApiKeySealed = apiKey == null ? null : secrets.seal(apiKey);
            boolean anyEvolution = a.evolutionApiUrl != null || a.evolutionInstanceId != null || apiKey != null;
            boolean allEvolution = a.evolutionApiUrl != null && a.evolutionInstanceId != null && apiKey != null;
            if (anyEvolution && !allEvolution) {
                v.add("evolutionApiUrl", "an Evolution API account needs evolutionApiUrl, evolutionInstanceId and evolutionApiKey");
            }
            if (a.evolutionApiUrl != null && !a.evolutionApiUrl.matches("^https?://.+")) {
                v.add("evolutionApiUrl", "evolutionApiUrl must be an http or https URL");
            }
        }
        v.throwIfAny();
        a.status = "connected";
        a.createdAt = Instant.now();
        return a.<WhatsAppAccount>persist()
                .invoke(saved -> LOG.infof("WhatsApp account %s (%s) connected", saved.id, saved.type))
                .map(AccountView::of);
    }

    @WithSession
    public Uni<PageView<AccountView>> list(AuthenticatedKey key, PageRequest page) {
        var query = WhatsAppAccount.<WhatsAppAccount>find("workspaceId = ?1 and environment = ?2",
                Sort.descending("createdAt", "id"), key.workspaceId(), key.environment().apiValue());
        return query.page(Page.of(page.page() - 1, page.limit())).list()
                .chain(all -> query.count().map(total -> new PageView<>(all.stream().map(AccountView::of).toList(),
                        page.page(), page.limit(), total)));
    }

    @WithTransaction
    public Uni<Void> delete(AuthenticatedKey key, String rawId) {
        UUID id = Ids.parse(rawId, "Account");
        return WhatsAppAccount.<WhatsAppAccount>find("id = ?1 and workspaceId = ?2 and environment = ?3", id,
                        key.workspaceId(), key.environment().apiValue()).firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Account not found"))
                .chain(a -> a.delete());
    }

    private static String phone(String raw, Violations v) {
        if (raw == null) {
            v.add("phone", "phone is required (E.164, e.g. +34612345678)");
            return null;
        }
        try {
            var number = PHONES.parse(raw, null);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException ignored) {
            // answered below
        }
        v.add("phone", "phone must be a valid number in E.164 format, e.g. +34612345678");
        return null;
    }

    private static String digits(ObjectNode json, String field, Violations v) {
        String value = required(json, field, v);
        if (value != null && !value.matches("\\d{5,32}")) {
            v.add(field, field + " must be the numeric id Meta shows for it");
            return null;
        }
        return value;
    }

    private static String required(ObjectNode json, String field, Violations v) {
        String value = JsonBody.text(json, field, "", v);
        if (value == null && !json.hasNonNull(field)) {
            v.add(field, field + " is required for a whatsapp account");
        }
        return value;
    }
}
