package io.hostreach.campaign.auth;

/** Live or test data; a key sees only its own environment's data. */
public enum Environment {
    LIVE, TEST;

    public String apiValue() {
        return name().toLowerCase();
    }

    public static Environment fromApi(String value) {
        return value == null ? null : switch (value) {
            case "live" -> LIVE;
            case "test" -> TEST;
            default -> null;
        };
    }
}
