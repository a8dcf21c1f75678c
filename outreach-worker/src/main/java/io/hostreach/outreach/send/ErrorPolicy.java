package io.hostreach.outreach.send;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Meta's error codes drive the outcome, as the domain research's table says (keyed on the code, never on
 * titles or the HTTP status, except for an answer without a Graph error body).
 */
@ApplicationScoped
public class ErrorPolicy {

    private static final Set<Integer> RETRYABLE = Set.of(130429, 131056, 4, 80007, 131057);
    private static final Set<Integer> PAUSE_CAMPAIGN = Set.of(132015, 132016);
    private static final Set<Integer> PAUSE_ACCOUNT = Set.of(131048, 190, 0, 368, 131031, 131042);
    private static final int PAIR_RATE = 131056;

    /** Our own short titles (Meta's messages vary); what campaign-service shows next to the code. */
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(0, "Authentication failed"),
            Map.entry(4, "Application request limit reached"),
            Map.entry(100, "Invalid parameter"),
            Map.entry(190, "Access token expired or invalid"),
            Map.entry(368, "Temporarily blocked for policy violations"),
            Map.entry(80007, "WhatsApp Business Account rate limit reached"),
            Map.entry(130429, "Throughput limit reached"),
            Map.entry(131026, "Message undeliverable: the number is not on WhatsApp or cannot receive it"),
            Map.entry(131031, "Business account locked"),
            Map.entry(131042, "Payment or billing issue on the business account"),
            Map.entry(131047, "More than 24 hours since the lead's last message: a template is needed"),
            Map.entry(131048, "Spam rate limit: the number is restricted after blocks or reports"),
            Map.entry(131049, "Not delivered to keep healthy ecosystem engagement (per-user marketing limit)"),
            Map.entry(131050, "The user stopped marketing messages from this business"),
            Map.entry(131056, "Too many messages to the same user (pair rate limit)"),
            Map.entry(131057, "Business account in maintenance"),
            Map.entry(132000, "Template parameter count mismatch"),
            Map.entry(132001, "Template does not exist in this language or is not approved"),
            Map.entry(132015, "Template paused for low quality"),
            Map.entry(132016, "Template disabled for low quality"));

    private final Duration retryBase;
    private final Duration pairRateBase;
    private final Duration maxBackoff;
    private final int maxAttempts;

    public ErrorPolicy(@ConfigProperty(name = "hostreach.outreach.retry.base", defaultValue = "PT2S") Duration retryBase,
                       @ConfigProperty(name = "hostreach.outreach.retry.pair-rate-base", defaultValue = "PT1S") Duration pairRateBase,
                       @ConfigProperty(name = "hostreach.outreach.retry.max-backoff", defaultValue = "PT10M") Duration maxBackoff,
                       @ConfigProperty(name = "hostreach.outreach.retry.max-attempts", defaultValue = "5") int maxAttempts) {
        this.retryBase = retryBase;
        this.pairRateBase = pairRateBase;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
    }

    public ErrorAction actionFor(ProviderError error) {
        if (error.notSent()) {
            return ErrorAction.RETRY;
        }
        if (error.code() == null) {
            // No Graph error body: only the HTTP status speaks.
            if (error.httpStatus() == 401) {
                return ErrorAction.PAUSE_ACCOUNT;
            }
            return error.httpStatus() >= 500 || error.httpStatus() == 429 ? ErrorAction.RETRY : ErrorAction.FAIL;
        }
        int code = error.code();
        if (RETRYABLE.contains(code)) {
            return ErrorAction.RETRY;
        }
        if (code == 131049) {
            return ErrorAction.RETRY_AFTER_A_DAY;
        }
        if (code == 131050) {
            return ErrorAction.SUPPRESS;
        }
        if (code == 131026) {
            return ErrorAction.NOT_ON_WHATSAPP;
        }
        if (code == 131047) {
            return ErrorAction.TEMPLATE_NEEDED;
        }
        if (PAUSE_CAMPAIGN.contains(code)) {
            return ErrorAction.PAUSE_CAMPAIGN;
        }
        if (PAUSE_ACCOUNT.contains(code)) {
            return ErrorAction.PAUSE_ACCOUNT;
        }
        // A Graph error with a 5xx (131000 "something went wrong", 1, 2...) is Meta's side: try again.
        return error.httpStatus() >= 500 ? ErrorAction.RETRY : ErrorAction.FAIL;
    }

    /** The wait before attempt {@code attempt + 1}: 4^(n-1) x base for the pair rate limit, 2^(n-1) x base otherwise, ±10 %. */
    public Duration backoff(ProviderError error, int attempt) {
        int n = Math.max(1, attempt);
        boolean pairRate = Integer.valueOf(PAIR_RATE).equals(error.code());
        Duration base = pairRate ? pairRateBase : retryBase;
        double factor = Math.pow(pairRate ? 4 : 2, Math.min(n - 1, 10));
        long millis = (long) Math.min(maxBackoff.toMillis(), base.toMillis() * factor);
        double jitter = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
        return Duration.ofMillis(Math.max(1, (long) (millis * jitter)));
    }

    public boolean attemptsLeft(int attemptsSoFar) {
        return attemptsSoFar < maxAttempts;
    }

    public String title(ProviderError error) {
        String ours = error.code() == null ? null : TITLES.get(error.code());
        if (ours != null) {
            return ours;
        }
        return error.title() == null ? "HTTP " + error.httpStatus() : error.title();
    }

    /** The sentence shown with a paused campaign. */
    public String pauseReason(ProviderError error, ErrorAction action) {
        String scope = action == ErrorAction.PAUSE_ACCOUNT ? "every campaign of the WhatsApp account is paused"
                : "the campaign is paused";
        String code = error.code() == null ? "HTTP " + error.httpStatus() : "error " + error.code();
        return "WhatsApp refused a message with " + code + " (" + title(error) + "): " + scope + " until it is resumed";
    }
}
