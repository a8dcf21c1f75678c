package io.hostreach.campaign.compliance;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shape of {@code POST /compliance/lawful-basis}; the body is validated field by field. */
@Schema(name = "LawfulBasisAttestationRequest", additionalProperties = Schema.False.class,
        requiredProperties = {"basis", "statement", "attestedBy"})
public record AttestationRequest(
        @Schema(type = SchemaType.STRING, enumeration = {"legitimate_interest", "consent", "contract"},
                description = "The lawful basis relied on to contact portal advertisers")
        String basis,
        @Schema(minLength = 20, maxLength = 4000, description = "What the workspace does and why it is lawful")
        String statement,
        @Schema(minLength = 1, maxLength = 200, description = "Who attests: name and role")
        String attestedBy) {
}
