package io.hostreach.campaign.lead;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of {@code /leads}, for the OpenAPI document (the service validates the JSON). */
final class LeadBodies {

    static final String STATUS_EXAMPLE = """
            {"status": "QUALIFIED"}""";
    static final String NOTE_EXAMPLE = """
            {"content": "Prefers a call after 18:00; open to exclusivity for 3 months."}""";

    private LeadBodies() {
    }

    @Schema(name = "LeadStatusChange")
    record StatusChange(@Schema(required = true, description = "PENDING is set by the system only (400)",
            enumeration = {"CONTACTED", "REPLIED", "QUALIFIED", "UNQUALIFIED", "MEETING_SCHEDULED", "FOLLOWED_UP",
                    "NEGOTIATION", "WON", "LOST", "ARCHIVED", "ERROR"}) String status) {
    }

    @Schema(name = "LeadNoteCreate")
    record Note(@Schema(required = true, minLength = 1) String content) {
    }
}
