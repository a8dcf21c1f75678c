package io.hostreach.campaign.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and writes the JSON columns of a campaign. */
@ApplicationScoped
public class CampaignJson {

    private final ObjectMapper mapper;

    public CampaignJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode read(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored campaign JSON is corrupt", e);
        }
    }

    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public CampaignView view(Campaign c, CampaignView.Stats stats) {
        return new CampaignView(c.id, c.name, c.platform, c.mode, c.contactMode, c.status, read(c.segmentation),
                read(c.settings), c.environment, c.createdAt, c.updatedAt, c.startedAt, c.pausedAt, c.pausedReason, c.completedAt,
                stats);
    }
}
