package io.hostreach.campaign.outreach;

import io.hostreach.campaign.api.WorkerRelay;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** outreach-worker's answers as public ones ({@link WorkerRelay}): its absence is "the messaging service". */
@ApplicationScoped
public class OutreachRelay {

    private final WorkerRelay relay;

    public OutreachRelay(@ConfigProperty(name = "hostreach.outreach-worker.timeout", defaultValue = "PT5S") Duration timeout) {
        this.relay = new WorkerRelay("outreach-worker", timeout, "The messaging service is unavailable; retry shortly",
                "The request was refused by the messaging service", 5L);
    }

    public Uni<WorkerRelay.Answer> call(Uni<Response> call) {
        return relay.call(call);
    }
}
