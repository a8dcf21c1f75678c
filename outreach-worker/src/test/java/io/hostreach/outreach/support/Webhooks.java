package io.hostreach.outreach.support;

import io.hostreach.outreach.webhook.WebhookSignature;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Meta's webhook payloads, written from its documented format, and a signed POST of them. */
public final class Webhooks {

    public static final String APP_SECRET = "test-app-secret";

    private Webhooks() {
    }

    public static Response post(String body) {
        return given().contentType("application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), APP_SECRET))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/whatsapp");
    }

    public static String status(String phoneNumberId, String wamid, String status, String recipientDigits, String callback,
                                Integer errorCode) {
        String errors = errorCode == null ? "" : """
                ,"errors":[{"code":%d,"title":"error %d","message":"error %d","error_data":{"details":"details"},"href":"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]"""
                .formatted(errorCode, errorCode, errorCode);
        String cb = callback == null ? "" : ",\"biz_opaque_callback_data\":\"" + callback + "\"";
        return envelope(phoneNumberId, """
                "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"%s%s}]"""
                .formatted(wamid, status, Instant.now().getEpochSecond(), recipientDigits, cb, errors));
    }

    public static String text(String phoneNumberId, String fromDigits, String body) {
        return envelope(phoneNumberId, """
                "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"wamid.IN.%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]"""
                .formatted(fromDigits, fromDigits, UUID.randomUUID(), Instant.now().getEpochSecond(), body));
    }

    public static String button(String phoneNumberId, String fromDigits, String answeredWamid, String payload, String text) {
        return envelope(phoneNumberId, """
                "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                "messages":[{"context":{"from":"34600000000","id":"%s"},"from":"%s","id":"wamid.IN.%s","timestamp":"%d",
                "type":"button","button":{"payload":"%s","text":"%s"}}]"""
                .formatted(fromDigits, answeredWamid, fromDigits, UUID.randomUUID(), Instant.now().getEpochSecond(), payload, text));
    }

    private static String envelope(String phoneNumberId, String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},%s}}]}]}"""
                .formatted(phoneNumberId, value);
    }
}
