package io.hostreach.outreach.send;

import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.common.InternalApi;
import io.hostreach.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.util.UUID;

/**
 * The send log for operators: read a message, and settle one left UNKNOWN when no status webhook ever
 * came ({@code sent}: it went, the sequence moves on; {@code not_sent}: it never reached the provider, it
 * is sent again). Internal, behind the internal token.
 */
@Path("/internal/v1/messages")
@InternalApi
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final OutcomeRecorder outcomes;
    private final OutboxRelay relay;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public MessageResource(OutcomeRecorder outcomes, OutboxRelay relay, Dispatcher dispatcher, Clock clock) {
        this.outcomes = outcomes;
        this.relay = relay;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @GET
    @Path("{id}")
    public Uni<MessageView> get(@PathParam("id") UUID id) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(OutreachMessage.class, id)))
                .onItem().ifNull().failWith(() -> new NotFoundException("Message " + id + " does not exist"))
                .map(MessageView::of);
    }

    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MessageView> resolve(@PathParam("id") UUID id, Resolution resolution) {
        String outcome = resolution == null ? null : resolution.outcome();
        if (!Resolution.SENT.equals(outcome) && !Resolution.NOT_SENT.equals(outcome)) {
            throw new BadRequestException("outcome must be sent or not_sent");
        }
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.find(OutreachMessage.class, id, LockModeType.PESSIMISTIC_WRITE))
                        .onItem().ifNull().failWith(() -> new NotFoundException("Message " + id + " does not exist"))
                        .chain(m -> {
                            if (m.status != MessageStatus.UNKNOWN) {
                                throw new ClientErrorException("Message " + id + " is " + m.status
                                        + "; only an UNKNOWN message is resolved", 409);
                            }
                            if (Resolution.NOT_SENT.equals(outcome)) {
                                m.status = MessageStatus.PENDING;
                                m.dueAt = clock.instant();
                                m.updatedAt = clock.instant();
                                return Uni.createFrom().item(m);
                            }
                            return Panache.getSession().chain(s -> s.find(Campaign.class, m.campaignId))
                                    .chain(c -> outcomes.accepted(m, null, null, clock.instant(), c))
                                    .replaceWith(m);
                        }))
                .invoke(() -> {
                    relay.kick();
                    dispatcher.kick();
                })
                .map(MessageView::of);
    }
}
