package io.hostreach.campaign.campaign;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The campaign lifecycle: draft → running ⇄ paused → completed (final). */
public final class CampaignStatus {

    public static final String DRAFT = "draft";
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String COMPLETED = "completed";
    public static final List<String> ALL = List.of(DRAFT, RUNNING, PAUSED, COMPLETED);
    /** What a client may ask for in PATCH /status. */
    public static final List<String> SETTABLE = List.of(RUNNING, PAUSED, COMPLETED);

    private static final Map<String, Set<String>> NEXT = Map.of(
            DRAFT, Set.of(RUNNING),
            RUNNING, Set.of(PAUSED, COMPLETED),
            PAUSED, Set.of(RUNNING, COMPLETED),
            COMPLETED, Set.of());

    private CampaignStatus() {
    }

    public static boolean canMove(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** The allowed targets from a status, in lifecycle order, for error messages. */
    public static List<String> allowedFrom(String from) {
        return ALL.stream().filter(NEXT.getOrDefault(from, Set.of())::contains).toList();
    }
}
