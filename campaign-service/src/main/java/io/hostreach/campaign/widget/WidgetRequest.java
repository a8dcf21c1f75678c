package io.hostreach.campaign.widget;

import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.UUID;

/** What {@link WidgetCorsFilter} learnt about the widget key of the current request, for the intake to use. */
@RequestScoped
public class WidgetRequest {

    private KeyOwner owner;

    void set(KeyOwner owner) {
        this.owner = owner;
    }

    public KeyOwner get() {
        if (owner == null) {
            throw new IllegalStateException("no widget key resolved in this request");
        }
        return owner;
    }

    /** The workspace behind a widget key, with what the intake needs; {@code clientIp} of this request. */
    public record KeyOwner(UUID workspaceId, String widgetKey, String country, List<String> allowedOrigins,
                           String consentText, String clientIp) {
    }
}
