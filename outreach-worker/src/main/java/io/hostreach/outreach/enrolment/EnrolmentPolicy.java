package io.hostreach.outreach.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.lead.LeadCaptured;
import io.hostreach.outreach.phone.Phones;
import io.hostreach.outreach.phone.Recipient;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a captured lead may enter the campaign's sequence (the suppression list is checked apart, in
 * the database). Product rules, not options: professionals (and advertisers of unknown type) are out
 * unless the campaign asked for them, ads refusing agencies are never contacted, and WhatsApp needs a
 * mobile number.
 */
public final class EnrolmentPolicy {

    public sealed interface Decision {
    }

    public record Enrol(Recipient recipient) implements Decision {
    }

    public record Skip(String reason) implements Decision {
    }

    private static final Pattern NO_AGENCIES = Pattern.compile(
            "\\b(abstenerse|abstenganse|no|sin|nada de|abstener)\\s+(agencias?|inmobiliarias?|intermediarios|agentes)\\b"
                    + "|\\b(agencias?|inmobiliarias?|intermediarios)\\s+(no|abstenerse|abstenganse)\\b"
                    + "|\\b(no|niente)\\s+agenzie\\b|\\b(sem|nao)\\s+(agencias|imobiliarias|intermediarios)\\b");

    private EnrolmentPolicy() {
    }

    public static Decision decide(Campaign campaign, CampaignSettings settings, LeadCaptured lead) {
        if ("completed".equals(campaign.status)) {
            return new Skip("campaign_completed");
        }
        if (settings.sequence().isEmpty()) {
            return new Skip("no_sequence");
        }
        if (lead.fromPortal() && settings.privateOnly() && !LeadCaptured.PRIVATE.equals(lead.advertiserType())) {
            return new Skip("professional");
        }
        if (refusesAgencies(lead.listing())) {
            return new Skip("no_agencies");
        }
        return Phones.mobile(lead.phone(), campaign.country)
                .<Decision>map(Enrol::new)
                .orElseGet(() -> new Skip("no_mobile"));
    }

    static boolean refusesAgencies(JsonNode listing) {
        if (listing == null || listing.isNull()) {
            return false;
        }
        String text = normalise(listing.path("title").asText("") + " " + listing.path("description").asText(""));
        return NO_AGENCIES.matcher(text).find();
    }

    /** Lower case, accents and punctuation gone: "¡Abstenerse AGENCIAS!" → "abstenerse agencias". */
    public static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
