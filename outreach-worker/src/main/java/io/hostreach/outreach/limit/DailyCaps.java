package io.hostreach.outreach.limit;

import io.hostreach.outreach.common.Db;
import io.hostreach.outreach.whatsapp.Account;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How many first contacts may still go: per campaign per day ({@code settings.dailyCap}, the day in the
 * campaign's time zone), per scheduled slot (a csv_import campaign's {@code batchSize}), and per account
 * in any rolling 24 hours (Meta's messaging limit counts new recipients; we use at most a share of it).
 * A first contact counts from the moment it is claimed, whatever happens to it after. Each count takes a
 * transaction-scoped advisory lock first, so replicas claiming at once cannot both take the last unit.
 * Call inside the claiming transaction.
 */
@ApplicationScoped
public class DailyCaps {

    private final int defaultAccountLimit;
    private final double accountShare;
    private final boolean accountLimitEnabled;
    private final Duration accountRecheck;

    public DailyCaps(@ConfigProperty(name = "hostreach.outreach.account-limit.default", defaultValue = "250") int defaultAccountLimit,
                     @ConfigProperty(name = "hostreach.outreach.account-limit.share", defaultValue = "0.8") double accountShare,
                     @ConfigProperty(name = "hostreach.outreach.account-limit.enabled", defaultValue = "true") boolean accountLimitEnabled,
                     @ConfigProperty(name = "hostreach.outreach.account-limit.recheck", defaultValue = "PT10M") Duration accountRecheck) {
        this.defaultAccountLimit = defaultAccountLimit;
        this.accountShare = accountShare;
        this.accountLimitEnabled = accountLimitEnabled;
        this.accountRecheck = accountRecheck;
    }

    /** First contacts the campaign may still make since {@code since} (its day or its slot start) under {@code cap}. */
    public Uni<Integer> campaignRemaining(UUID campaignId, int cap, Instant since, String scope) {
        return Db.lock("cap:" + scope + ":" + campaignId)
                .chain(() -> Db.list("""
                        select count(m) from OutreachMessage m
                        where m.campaignId = :campaign and m.step = 1 and m.firstClaimedAt >= :since""",
                        Long.class, Map.of("campaign", campaignId, "since", since)))
                .map(count -> Math.max(0, cap - count.get(0).intValue()));
    }

    /** New recipients the account may still reach in the rolling 24 hours; unlimited when the limit is off. */
    public Uni<Integer> accountRemaining(Account account, Instant now) {
        if (!accountLimitEnabled) {
            return Uni.createFrom().item(Integer.MAX_VALUE);
        }
        int limit = (int) Math.floor((account.dailyLimit() != null && account.dailyLimit() > 0
                ? account.dailyLimit() : defaultAccountLimit) * accountShare);
        return Db.lock("account:" + account.id())
                .chain(() -> Db.list("""
                        select count(distinct m.phone) from OutreachMessage m
                        where m.accountId = :account and m.step = 1 and m.firstClaimedAt > :since""",
                        Long.class, Map.of("account", account.id(), "since", now.minus(Duration.ofHours(24)))))
                .map(count -> Math.max(0, limit - count.get(0).intValue()));
    }

    /** When to look again at a message held back by the account's limit. */
    public Duration accountRecheck() {
        return accountRecheck;
    }
}
