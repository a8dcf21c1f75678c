package io.hostreach.extraction.portal;

/** Who published a listing. UNKNOWN counts as professional when {@code privateOnly} is on. */
public enum AdvertiserType {
    PRIVATE, PROFESSIONAL, UNKNOWN;

    public String apiValue() {
        return name().toLowerCase();
    }
}
