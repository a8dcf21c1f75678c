package io.hostreach.campaign.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.ApiException;
import io.hostreach.campaign.outreach.OutreachRelay;
import io.hostreach.campaign.outreach.OutreachWorkerClient;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Asks outreach-worker, which owns the suppression list, which numbers of an import must not be contacted, in
 * chunks, through the same client and relay as the public messaging endpoints. Any failure is a 503: an import
 * never stores leads it could not check.
 */
@ApplicationScoped
public class SuppressionCheckClient {

    static final int CHUNK = 5000;

    private final OutreachWorkerClient worker;
    private final OutreachRelay relay;
    private final ObjectMapper mapper;

    public SuppressionCheckClient(@RestClient OutreachWorkerClient worker, OutreachRelay relay, ObjectMapper mapper) {
        this.worker = worker;
        this.relay = relay;
        this.mapper = mapper;
    }

    /** The numbers among {@code phones} (E.164) that are on the workspace's suppression list. */
    public Uni<Set<String>> suppressedAmong(UUID workspaceId, String environment, List<String> phones) {
        if (phones.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < phones.size(); i += CHUNK) {
            chunks.add(phones.subList(i, Math.min(phones.size(), i + CHUNK)));
        }
        Set<String> suppressed = new HashSet<>();
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> check(workspaceId, environment, chunk))
                .invoke(suppressed::addAll)
                .collect().last()
                .replaceWith(suppressed);
    }

    private Uni<List<String>> check(UUID workspaceId, String environment, List<String> phones) {
        ObjectNode body = mapper.createObjectNode();
        phones.forEach(body.putArray("phones")::add);
        return relay.call(worker.checkSuppressions(workspaceId, environment, body))
                .map(answer -> {
                    List<String> out = new ArrayList<>();
                    answer.body().path("suppressed").forEach(p -> out.add(p.asText()));
                    return out;
                })
                .onFailure().transform(failure -> new ApiException(503, "The suppression list cannot be checked right now "
                        + "(outreach-worker unavailable); nothing was imported, retry later", List.of(), 30L));
    }
}
