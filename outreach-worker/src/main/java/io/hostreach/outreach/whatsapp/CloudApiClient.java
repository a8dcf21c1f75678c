package io.hostreach.outreach.whatsapp;

import io.hostreach.outreach.send.MessageChannel;
import io.hostreach.outreach.send.OutboundMessage;
import io.hostreach.outreach.send.ProviderError;
import io.hostreach.outreach.send.SendResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The WhatsApp Cloud API: {@code POST {base}/{version}/{phone-number-id}/messages} with the account's
 * bearer token. A 200 is "accepted" (the wamid is the key of every later status); a Graph error body
 * becomes a {@link ProviderError}; a request whose fate we cannot know (timeout, connection lost) is
 * {@link SendResult.Unknown}. The token never appears in a result or a log line.
 */
@ApplicationScoped
public class CloudApiClient implements MessageChannel {

    public static final String CHANNEL = "whatsapp";

    private final WebClient client;
    private final String baseUrl;
    private final String version;
    private final long timeoutMillis;

    public CloudApiClient(WebClient client,
                          @ConfigProperty(name = "hostreach.whatsapp.base-url", defaultValue = "https://graph.facebook.com") String baseUrl,
                          @ConfigProperty(name = "hostreach.whatsapp.api-version", defaultValue = "v21.0") String version,
                          @ConfigProperty(name = "hostreach.whatsapp.timeout", defaultValue = "PT10S") Duration timeout) {
        this.client = client;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.version = version;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    @Override
    public Uni<SendResult> send(OutboundMessage message) {
        Account account = message.account();
        String url = baseUrl + "/" + version + "/" + account.phoneNumberId() + "/messages";
        return client.postAbs(url)
                .putHeader("Authorization", "Bearer " + account.accessToken())
                .putHeader("Content-Type", "application/json")
                .timeout(timeoutMillis)
                .sendBuffer(Buffer.buffer(CloudApiRequests.body(message).encode()))
                .map(CloudApiClient::result)
                .onFailure().recoverWithItem(CloudApiClient::transportFailure);
    }

    static SendResult result(HttpResponse<Buffer> response) {
        JsonObject json = json(response);
        if (response.statusCode() / 100 == 2) {
            JsonArray messages = json == null ? null : json.getJsonArray("messages");
            if (messages == null || messages.isEmpty() || messages.getJsonObject(0).getString("id") == null) {
                return new SendResult.Unknown("HTTP " + response.statusCode() + " without a message id");
            }
            JsonArray contacts = json.getJsonArray("contacts");
            String waId = contacts == null || contacts.isEmpty() ? null : contacts.getJsonObject(0).getString("wa_id");
            return new SendResult.Accepted(messages.getJsonObject(0).getString("id"), waId);
        }
        JsonObject error = json == null ? null : json.getJsonObject("error");
        if (error == null || error.getValue("code") == null) {
            return new SendResult.Rejected(ProviderError.http(response.statusCode(), "HTTP " + response.statusCode()));
        }
        JsonObject data = error.getJsonObject("error_data");
        return new SendResult.Rejected(new ProviderError(intValue(error.getValue("code")),
                error.getValue("error_subcode") == null ? null : intValue(error.getValue("error_subcode")),
                error.getString("message"), data == null ? null : data.getString("details"), response.statusCode(), false));
    }

    /** Refused connections never reached the provider (safe to retry); anything later might have. */
    public static SendResult transportFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof ConnectException || cause instanceof UnknownHostException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause.getClass().getName().endsWith("ConnectTimeoutException")) {
            return new SendResult.Rejected(ProviderError.connection("connection failed: " + cause.getClass().getSimpleName()));
        }
        return new SendResult.Unknown(cause.getClass().getSimpleName() + ": " + cause.getMessage());
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

    private static int intValue(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
