package io.hostreach.campaign.support;

import java.time.Instant;
import java.util.UUID;

/** CloudEvents the workers publish, written as they put them on the wire. */
public final class WorkerEvents {

    private WorkerEvents() {
    }

    public static String leadCaptured(String eventId, String leadId, String campaignId, String workspaceId,
                                      String extractionId, String listingId, String phone, String name) {
        return """
                {"specversion":"1.0","id":"%s","source":"/hostreach/extraction-worker",
                 "type":"io.hostreach.lead.captured","subject":"%s","time":"%s",
                 "datacontenttype":"application/json",
                 "data":{"leadId":"%s","campaignId":"%s","workspaceId":"%s","environment":"test",
                   "extractionId":%s,"source":"portal","advertiserType":"private","name":"%s","phone":%s,"email":null,
                   "listing":{"portal":"idealista","listingId":"%s","url":"https://www.idealista.com/inmueble/%s/",
                     "title":"Piso en alquiler en Ruzafa","operation":"rent","propertyType":"flats","price":950,
                     "currency":"EUR","size":75,"rooms":2,"bathrooms":1,"address":"Calle de Cuba",
                     "city":"València","province":"Valencia","latitude":39.46,"longitude":-0.37,
                     "publishedAt":"2026-11-27T09:00:00Z"},
                   "capturedAt":"%s"}}
                """.formatted(eventId, leadId, Instant.now(), leadId, campaignId, workspaceId,
                extractionId == null ? "null" : "\"" + extractionId + "\"", name,
                phone == null ? "null" : "\"" + phone + "\"", listingId, listingId, Instant.now());
    }

    public static String extraction(String type, String extractionId, String campaignId, String workspaceId,
                                    String status, int found, int created) {
        return """
                {"specversion":"1.0","id":"%s","source":"/hostreach/extraction-worker",
                 "type":"io.hostreach.extraction.%s","subject":"%s","time":"%s",
                 "data":{"extractionId":"%s","campaignId":"%s","workspaceId":"%s","environment":"test",
                   "platform":"idealista","status":"%s","trigger":"schedule","expectedResults":20,"found":%d,
                   "created":%d,"duplicates":1,"skippedProfessional":3,"skippedAgencyRefusal":1,"skippedNoPhone":0,
                   "pages":2,"startedAt":"2026-11-28T10:00:00Z","finishedAt":%s,"error":null}}
                """.formatted(UUID.randomUUID(), type, extractionId, Instant.now(), extractionId, campaignId,
                workspaceId, status, found, created, "RUNNING".equals(status) ? "null" : "\"2026-11-28T10:01:00Z\"");
    }

    public static String outreach(String type, String messageId, String leadId, String campaignId, String workspaceId,
                                  int step, String status, Integer errorCode, String at) {
        return """
                {"specversion":"1.0","id":"%s","source":"/hostreach/outreach-worker","type":"io.hostreach.%s",
                 "subject":"%s","time":"%s",
                 "data":{"messageId":%s,"leadId":"%s","campaignId":"%s","workspaceId":"%s","environment":"test",
                   "step":%d,"channel":"sandbox","providerMessageId":"wamid.%s","status":%s,"errorCode":%s,
                   "errorTitle":%s,"campaignPaused":false,"text":"Sí, me interesa","at":"%s"}}
                """.formatted(UUID.randomUUID(), type, leadId, at, messageId == null ? "null" : "\"" + messageId + "\"",
                leadId, campaignId, workspaceId, step, UUID.randomUUID(), status == null ? "null" : "\"" + status + "\"",
                errorCode == null ? "null" : errorCode.toString(), errorCode == null ? "null" : "\"Message undeliverable\"", at);
    }
}
