package io.hostreach.campaign.api;

/** Validated {@code page} (1-based) and {@code limit} (1–100) query parameters. */
public record PageRequest(int page, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Parses the raw query values; anything but whole numbers in range is a 400 naming the parameter. */
    public static PageRequest of(String page, String limit) {
        int p = parse("page", page, 1, 1, Integer.MAX_VALUE / MAX_LIMIT);
        int l = parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        return new PageRequest(p, l);
    }

    public int offset() {
        return (page - 1) * limit;
    }

    private static int parse(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw ApiException.badRequest(name + " must be a whole number between " + min + " and " + max);
    }
}
