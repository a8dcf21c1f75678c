package io.hostreach.outreach.enrolment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostreach.outreach.campaign.Campaign;
import io.hostreach.outreach.campaign.CampaignSettings;
import io.hostreach.outreach.lead.LeadCaptured;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class EnrolmentPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Campaign campaign(String privateOnly) {
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.status = "running";
        c.mode = "extract_and_contact";
        c.country = "ES";
        c.settings = "{\"sequence\":[{\"text\":\"Hola\",\"delayHours\":0}]}";
        c.segmentation = privateOnly == null ? "{\"filters\":{}}" : "{\"filters\":{\"privateOnly\":" + privateOnly + "}}";
        return c;
    }

    private static LeadCaptured lead(String source, String advertiserType, String phone, String title) throws Exception {
        JsonNode listing = JSON.readTree("{\"title\":" + JSON.writeValueAsString(title) + ",\"description\":\"Tres habitaciones\"}");
        return new LeadCaptured(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "live", source, advertiserType, "Ana",
                phone, null, listing, Instant.now(), "{}");
    }

    private static EnrolmentPolicy.Decision decide(Campaign c, LeadCaptured lead) {
        return EnrolmentPolicy.decide(c, CampaignSettings.of(c, JSON), lead);
    }

    private static String skipReason(EnrolmentPolicy.Decision d) {
        return assertInstanceOf(EnrolmentPolicy.Skip.class, d).reason();
    }

    @Test
    void aPrivatePortalLeadWithAMobileIsEnrolledInE164() throws Exception {
        EnrolmentPolicy.Decision d = decide(campaign(null), lead("portal", "private", "612 34 56 78", "Piso en Ruzafa"));
        EnrolmentPolicy.Enrol enrol = assertInstanceOf(EnrolmentPolicy.Enrol.class, d);
        assertEquals("+34612345678", enrol.recipient().e164());
        assertEquals("ES", enrol.recipient().region());
    }

    @Test
    void professionalAndUnknownAdvertisersOfPortalLeadsAreSkipped() throws Exception {
        assertEquals("professional", skipReason(decide(campaign(null), lead("portal", "professional", "+34612345678", "Piso"))));
        assertEquals("professional", skipReason(decide(campaign("true"), lead("portal", "unknown", "+34612345678", "Piso"))));
        // A campaign that asked for professionals too, and leads from an import or a widget, are not filtered.
        assertInstanceOf(EnrolmentPolicy.Enrol.class, decide(campaign("false"), lead("portal", "professional", "+34612345678", "Piso")));
        assertInstanceOf(EnrolmentPolicy.Enrol.class, decide(campaign(null), lead("csv", "unknown", "+34612345678", "Piso")));
    }

    @Test
    void numbersWhatsAppCannotReachAreSkipped() throws Exception {
        Campaign c = campaign(null);
        assertEquals("no_mobile", skipReason(decide(c, lead("portal", "private", "+34963000000", "Piso")))); // landline
        assertEquals("no_mobile", skipReason(decide(c, lead("portal", "private", "12345", "Piso"))));
        assertEquals("no_mobile", skipReason(decide(c, lead("portal", "private", null, "Piso"))));
        // Where a number may be either (FIXED_LINE_OR_MOBILE, e.g. the US), it is tried.
        assertInstanceOf(EnrolmentPolicy.Enrol.class, decide(c, lead("portal", "private", "+12015550123", "Piso")));
    }

    @Test
    void adsThatRefuseAgenciesAreNeverContacted() throws Exception {
        assertEquals("no_agencies", skipReason(decide(campaign(null),
                lead("portal", "private", "+34612345678", "Piso en Ruzafa. ¡Abstenerse AGENCIAS!"))));
        assertEquals("no_agencies", skipReason(decide(campaign(null),
                lead("portal", "private", "+34612345678", "Chalet, no inmobiliarias"))));
    }

    @Test
    void aCompletedCampaignOrOneWithoutASequenceEnrolsNobody() throws Exception {
        Campaign completed = campaign(null);
        completed.status = "completed";
        assertEquals("campaign_completed", skipReason(decide(completed, lead("portal", "private", "+34612345678", "Piso"))));
        Campaign empty = campaign(null);
        empty.settings = "{\"sequence\":[]}";
        assertEquals("no_sequence", skipReason(decide(empty, lead("portal", "private", "+34612345678", "Piso"))));
    }
}
