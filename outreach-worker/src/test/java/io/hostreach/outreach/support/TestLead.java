package io.hostreach.outreach.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** The data of a lead.captured event, as extraction-worker or campaign-service writes it. */
public final class TestLead {

    public final UUID leadId = UUID.randomUUID();
    public final TestCampaign campaign;
    public String phone;
    public String name = "Ana";
    public String source = "portal";
    public String advertiserType = "private";
    public String title = "Piso luminoso en Ruzafa";
    public String description = "Tres habitaciones, reformado.";

    public TestLead(TestCampaign campaign, String phone) {
        this.campaign = campaign;
        this.phone = phone;
    }

    public ObjectNode data() {
        ObjectNode d = TestCampaign.JSON.createObjectNode();
        d.put("leadId", leadId.toString());
        d.put("campaignId", campaign.id.toString());
        d.put("workspaceId", campaign.workspaceId.toString());
        d.put("environment", campaign.environment);
        d.put("extractionId", UUID.randomUUID().toString());
        d.put("source", source);
        d.put("advertiserType", advertiserType);
        d.put("name", name);
        d.put("phone", phone);
        d.put("email", "ana@example.com");
        ObjectNode listing = d.putObject("listing");
        listing.put("portal", "idealista");
        listing.put("listingId", "1" + Math.abs(leadId.getMostSignificantBits() % 100000000));
        listing.put("url", "https://www.idealista.com/inmueble/1/");
        listing.put("title", title);
        listing.put("description", description);
        listing.put("operation", "sale");
        listing.put("propertyType", "flat");
        listing.put("price", 185000);
        listing.put("currency", "EUR");
        listing.put("city", "Valencia");
        listing.put("province", "Valencia");
        d.putObject("attributes").put("ref", "R-42");
        d.put("capturedAt", Instant.now().toString());
        return d;
    }
}
