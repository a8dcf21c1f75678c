package io.hostreach.campaign.template;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Meta's Business Management API for message templates: create ({@code POST /{waba-id}/message_templates}),
 * edit ({@code POST /{template-id}}) and find by name. Server errors and timeouts are retried (SmallRye Fault
 * Tolerance); a Graph error answer is Meta's verdict and is returned, never retried. The token is sent as a
 * bearer header and appears in no answer, exception or log line.
 */
@ApplicationScoped
public class MetaTemplateApi {

    /** Meta took the template for review: its id, status (PENDING, APPROVED, REJECTED) and category. */
    public record Accepted(String id, String status, String category) {
    }

    /** A Graph error answer: {@code {"error": {message, type, code, error_subcode, error_user_msg, fbtrace_id}}}. */
    public record GraphError(int httpStatus, Integer code, Integer subcode, String message, String userMessage,
                             String fbtraceId) {

        /** Token expired or lacking permission: the account's problem, not the template's. */
        public boolean isAuthorization() {
            return httpStatus == 401 || (code != null && (code == 0 || code == 3 || code == 10 || code == 190
                    || (code >= 200 && code <= 299)));
        }

        /** One sentence for the template's statusReason. */
        public String describe() {
            String text = userMessage != null && !userMessage.isBlank() ? userMessage
                    : message != null && !message.isBlank() ? message : "HTTP " + httpStatus;
            StringBuilder out = new StringBuilder(text);
            if (code != null) {
                out.append(" (code ").append(code);
                if (subcode != null) {
                    out.append(", subcode ").append(subcode);
                }
                out.append(")");
            }
            if (fbtraceId != null) {
                out.append(" [fbtrace_id ").append(fbtraceId).append("]");
            }
            return out.toString();
        }
    }

    /** An answer of Meta to a create or an edit: accepted, or its error. */
    public record Answer(Accepted accepted, GraphError error) {
    }

    /** Meta did not answer usefully (5xx, timeout, connection lost): worth another attempt. */
    public static class TransientFailure extends RuntimeException {
        public TransientFailure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Notes, across the retries of one call, whether an attempt may have reached Meta without an answer: a
     * later "already exists" then means our own earlier attempt succeeded.
     */
    public static final class Attempts {
        private final AtomicBoolean unanswered = new AtomicBoolean();

        public boolean hadUnanswered() {
            return unanswered.get();
        }
    }

    private final WebClient client;
    private final String baseUrl;
    private final String version;
    private final long timeoutMillis;

    public MetaTemplateApi(Vertx vertx,
                           @ConfigProperty(name = "hostreach.whatsapp.base-url") String baseUrl,
                           @ConfigProperty(name = "hostreach.whatsapp.api-version") String version,
                           @ConfigProperty(name = "hostreach.whatsapp.timeout") Duration timeout) {
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setUserAgent("hostreach-templates/1.0"));
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.version = version;
        this.timeoutMillis = timeout.toMillis();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** {@code POST {base}/{version}/{waba-id}/message_templates} with {@code {name, language, category, components}}. */
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 200, retryOn = TransientFailure.class)
    public Uni<Answer> create(String wabaId, String token, JsonObject body, Attempts attempts) {
        return post(url(wabaId + "/message_templates"), token, body, attempts);
    }

    /** {@code POST {base}/{version}/{template-id}} with the changed {@code components} (and category). */
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 200, retryOn = TransientFailure.class)
    public Uni<Answer> edit(String metaTemplateId, String token, JsonObject body, Attempts attempts) {
        return post(url(metaTemplateId), token, body, attempts);
    }

    /** The WABA's template of this name and language, if Meta has one. */
    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS, jitter = 200, retryOn = TransientFailure.class)
    public Uni<Optional<Accepted>> find(String wabaId, String token, String name, String language) {
        return Uni.createFrom().deferred(() -> client.getAbs(url(wabaId + "/message_templates"))
                        .addQueryParam("name", name)
                        .addQueryParam("fields", "id,name,language,status,category")
                        .putHeader("Authorization", "Bearer " + token)
                        .timeout(timeoutMillis)
                        .send())
                .onFailure().transform(e -> new TransientFailure("no answer from Meta: " + e.getClass().getSimpleName()))
                .map(response -> {
                    if (response.statusCode() >= 500) {
                        throw new TransientFailure("Meta answered HTTP " + response.statusCode());
                    }
                    JsonObject json = json(response);
                    JsonArray data = json == null || response.statusCode() != 200 ? null : json.getJsonArray("data");
                    if (data == null) {
                        return Optional.empty();
                    }
                    for (int i = 0; i < data.size(); i++) {
                        JsonObject t = data.getJsonObject(i);
                        if (name.equals(t.getString("name")) && language.equals(t.getString("language"))) {
                            return Optional.of(new Accepted(string(t.getValue("id")), t.getString("status"),
                                    t.getString("category")));
                        }
                    }
                    return Optional.empty();
                });
    }

    private Uni<Answer> post(String url, String token, JsonObject body, Attempts attempts) {
        return Uni.createFrom().deferred(() -> client.postAbs(url)
                        .putHeader("Authorization", "Bearer " + token)
                        .putHeader("Content-Type", "application/json")
                        .timeout(timeoutMillis)
                        .sendBuffer(Buffer.buffer(body.encode())))
                .onFailure().transform(e -> {
                    attempts.unanswered.set(true);
                    return new TransientFailure("no answer from Meta: " + e.getClass().getSimpleName());
                })
                .map(MetaTemplateApi::answer);
    }

    static Answer answer(HttpResponse<Buffer> response) {
        JsonObject json = json(response);
        int status = response.statusCode();
        if (status >= 500) {
            throw new TransientFailure("Meta answered HTTP " + status);
        }
        if (status / 100 == 2 && json != null) {
            // Create answers {id, status, category}; edit answers {success: true}.
            return new Answer(new Accepted(string(json.getValue("id")), json.getString("status"),
                    json.getString("category")), null);
        }
        JsonObject error = json == null ? null : json.getJsonObject("error");
        if (error == null) {
            return new Answer(null, new GraphError(status, null, null, "Meta answered HTTP " + status, null, null));
        }
        return new Answer(null, new GraphError(status, integer(error.getValue("code")), integer(error.getValue("error_subcode")),
                error.getString("message"), error.getString("error_user_msg"), error.getString("fbtrace_id")));
    }

    private String url(String path) {
        return baseUrl + "/" + version + "/" + path;
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return body.toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
