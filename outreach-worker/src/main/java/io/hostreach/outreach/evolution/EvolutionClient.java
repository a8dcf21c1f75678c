package io.hostreach.outreach.evolution;

import io.hostreach.outreach.send.MessageChannel;
import io.hostreach.outreach.send.OutboundMessage;
import io.hostreach.outreach.send.ProviderError;
import io.hostreach.outreach.send.SendResult;
import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.CloudApiClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * A whatsapp-no-api account's Evolution API instance: {@code POST {url}/message/sendText/{instance}} with
 * the {@code apikey} header and {@code {"number", "text"}}. The answer's {@code key.id} is the message id.
 * A number Evolution reports as not on WhatsApp fails like a 131026.
 */
@ApplicationScoped
public class EvolutionClient implements MessageChannel {

    public static final String CHANNEL = "evolution";

    private final WebClient client;
    private final long timeoutMillis;

    public EvolutionClient(WebClient client,
                           @ConfigProperty(name = "hostreach.evolution.timeout", defaultValue = "PT15S") Duration timeout) {
        this.client = client;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public String name() {
        return CHANNEL;
    }

    @Override
    public Uni<SendResult> send(OutboundMessage message) {
        Account account = message.account();
        String base = account.evolutionApiUrl().endsWith("/")
                ? account.evolutionApiUrl().substring(0, account.evolutionApiUrl().length() - 1) : account.evolutionApiUrl();
        JsonObject body = new JsonObject().put("number", message.toDigits()).put("text", message.content().text());
        return client.postAbs(base + "/message/sendText/" + account.evolutionInstanceId())
                .putHeader("apikey", account.evolutionApiKey() == null ? "" : account.evolutionApiKey())
                .putHeader("Content-Type", "application/json")
                .timeout(timeoutMillis)
                .sendBuffer(Buffer.buffer(body.encode()))
                .map(EvolutionClient::result)
                .onFailure().recoverWithItem(CloudApiClient::transportFailure);
    }

    static SendResult result(HttpResponse<Buffer> response) {
        JsonObject json;
        try {
            json = response.body() == null || response.body().length() == 0 ? null : response.body().toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            json = null;
        }
        if (response.statusCode() / 100 == 2) {
            JsonObject key = json == null ? null : json.getJsonObject("key");
            String id = key == null ? null : key.getString("id");
            if (id == null) {
                return new SendResult.Unknown("Evolution answered " + response.statusCode() + " without key.id");
            }
            String jid = key.getString("remoteJid");
            return new SendResult.Accepted(id, jid == null ? null : jid.split("@")[0]);
        }
        String text = json == null ? "" : json.encode();
        if (text.contains("\"exists\":false")) {
            return new SendResult.Rejected(new ProviderError(131026, null, "The number is not on WhatsApp (Evolution)", null,
                    response.statusCode(), false));
        }
        return new SendResult.Rejected(ProviderError.http(response.statusCode(), "Evolution API answered HTTP " + response.statusCode()));
    }
}
