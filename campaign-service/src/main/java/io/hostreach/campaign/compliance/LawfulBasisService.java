package io.hostreach.campaign.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostreach.campaign.api.JsonBody;
import io.hostreach.campaign.api.Violations;
import io.hostreach.campaign.auth.CurrentApiKey.AuthenticatedKey;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records and reads lawful-basis attestations. A live portal campaign that contacts people may only
 * start once its workspace has one (see {@link #hasAttestation}); test mode contacts nobody real.
 */
@ApplicationScoped
public class LawfulBasisService {

    private static final Logger LOG = Logger.getLogger(LawfulBasisService.class);

    /** GDPR art. 6(1)(f) is what portal outreach usually relies on; consent and contract cover the rest. */
    public static final List<String> BASES = List.of("legitimate_interest", "consent", "contract");
    static final int STATEMENT_MIN = 20;
    static final int STATEMENT_MAX = 4000;
    static final int ATTESTED_BY_MAX = 200;

    public record AttestationView(UUID id, String basis, String statement, String attestedBy, String environment,
                                  UUID apiKeyId, Instant createdAt) {
        static AttestationView of(LawfulBasisAttestation a) {
            return new AttestationView(a.id, a.basis, a.statement, a.attestedBy, a.environment, a.apiKeyId, a.createdAt);
        }
    }

    @WithTransaction
    public Uni<AttestationView> attest(AuthenticatedKey key, JsonNode body) {
        ObjectNode json = JsonBody.requireObject(body);
        Violations v = new Violations();
        JsonBody.allowOnly(json, "", Set.of("basis", "statement", "attestedBy"), v);
        String basis = JsonBody.oneOf(json, "basis", "", BASES, v);
        String statement = boundedText(json, "statement", STATEMENT_MIN, STATEMENT_MAX, v);
        String attestedBy = boundedText(json, "attestedBy", 1, ATTESTED_BY_MAX, v);
        if (!json.hasNonNull("basis")) {
            v.add("basis", "basis is required: one of " + String.join(", ", BASES));
        }
        v.throwIfAny();
        LawfulBasisAttestation a = new LawfulBasisAttestation();
        a.id = UUID.randomUUID();
        a.workspaceId = key.workspaceId();
        a.environment = key.environment().apiValue();
        a.basis = basis;
        a.statement = statement;
        a.attestedBy = attestedBy;
        a.apiKeyId = key.keyId();
        a.createdAt = Instant.now();
        // The audit line names the key, never the statement's text (it may hold personal data).
        LOG.infof("workspace %s (%s) attested lawful basis %s with key %s", a.workspaceId, a.environment, basis, a.apiKeyId);
        return a.<LawfulBasisAttestation>persist().map(AttestationView::of);
    }

    @WithSession
    public Uni<List<AttestationView>> history(AuthenticatedKey key) {
        return LawfulBasisAttestation.<LawfulBasisAttestation>find(
                        "workspaceId = ?1 and environment = ?2 order by createdAt desc",
                        key.workspaceId(), key.environment().apiValue())
                .list().map(list -> list.stream().map(AttestationView::of).toList());
    }

    /** Runs inside the caller's session (the status change's transaction). */
    public Uni<Boolean> hasAttestation(UUID workspaceId, String environment) {
        return LawfulBasisAttestation.count("workspaceId = ?1 and environment = ?2", workspaceId, environment)
                .map(count -> count > 0);
    }

    private static String boundedText(ObjectNode json, String field, int min, int max, Violations v) {
        if (!json.hasNonNull(field)) {
            v.add(field, field + " is required");
            return null;
        }
        String value = JsonBody.text(json, field, "", v);
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() < min || stripped.length() > max) {
            v.add(field, field + " must be between " + min + " and " + max + " characters");
            return null;
        }
        return stripped;
    }
}
