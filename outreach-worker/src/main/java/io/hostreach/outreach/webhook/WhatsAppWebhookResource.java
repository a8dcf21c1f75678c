package io.hostreach.outreach.webhook;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Meta's webhook endpoint. GET answers the subscription challenge when the verify token matches. POST
 * checks {@code X-Hub-Signature-256} on the raw bytes (401 and nothing stored otherwise), stores the
 * payload durably and answers 200 at once; processing follows (Meta retries anything but a fast 2xx).
 */
@Path("/webhooks/whatsapp")
public class WhatsAppWebhookResource {

    private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class);

    private final String verifyToken;
    private final String appSecret;
    private final WebhookProcessor processor;
    private final Clock clock;

    // Optional: an unset secret must refuse webhooks, not stop the worker from sending (an empty value is
    // "missing" to MicroProfile Config, so a plain String would fail the start).
    public WhatsAppWebhookResource(@ConfigProperty(name = "hostreach.whatsapp.verify-token") Optional<String> verifyToken,
                                   @ConfigProperty(name = "hostreach.whatsapp.app-secret") Optional<String> appSecret,
                                   WebhookProcessor processor, Clock clock) {
        this.verifyToken = verifyToken.orElse("");
        this.appSecret = appSecret.orElse("");
        this.processor = processor;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                                       @QueryParam("hub.challenge") String challenge) {
        boolean ok = "subscribe".equals(mode) && !verifyToken.isEmpty() && token != null && challenge != null
                && MessageDigest.isEqual(verifyToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            return RestResponse.ResponseBuilder.<String>create(RestResponse.Status.FORBIDDEN)
                    .type(MediaType.TEXT_PLAIN_TYPE).entity("Forbidden").build();
        }
        return RestResponse.ResponseBuilder.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<RestResponse<String>> receive(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignature.verify(raw, signature, appSecret)) {
            if (appSecret.isEmpty()) {
                LOG.warn("a WhatsApp webhook arrived but hostreach.whatsapp.app-secret is not set: refused");
            }
            return Uni.createFrom().item(RestResponse.ResponseBuilder.<String>create(RestResponse.Status.UNAUTHORIZED)
                    .type(MediaType.TEXT_PLAIN_TYPE).entity("Invalid signature").build());
        }
        WebhookDelivery delivery = WebhookDelivery.of(WebhookDelivery.META, new String(raw, StandardCharsets.UTF_8), clock.instant());
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.persist(delivery)))
                .invoke(processor::kick)
                .replaceWith(RestResponse.ResponseBuilder.ok("EVENT_RECEIVED", MediaType.TEXT_PLAIN_TYPE).build());
    }
}
