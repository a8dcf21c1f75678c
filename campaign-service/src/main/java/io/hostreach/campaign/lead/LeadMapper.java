package io.hostreach.campaign.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/** Lead entity → API view. */
@ApplicationScoped
public class LeadMapper {

    private final ObjectMapper mapper;

    public LeadMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public LeadView view(Lead lead) {
        return new LeadView(lead.id, lead.campaignId, lead.extractionId, lead.source, lead.status, lead.name,
                lead.phone, lead.email, lead.advertiserType, json(lead.listing), json(lead.attributes),
                lead.lastContactedAt, lead.repliedAt, lead.createdAt, lead.updatedAt);
    }

    private JsonNode json(String value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored lead JSON is corrupt", e);
        }
    }
}
