package io.hostreach.outreach.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheRawBodyWithHmacSha256InHex() {
        // Computed independently: printf '%s' "$BODY" | openssl dgst -sha256 -hmac secret
        assertEquals("sha256=56a21e195072d3c07ec2bbf608e0dfeaf322e1917ec30f0cb399c2a43588216e",
                WebhookSignature.sign(BODY, "secret"));
    }

    @Test
    void acceptsTheRightSignatureInAnyCase() {
        String header = WebhookSignature.sign(BODY, "secret");
        assertTrue(WebhookSignature.verify(BODY, header, "secret"));
        assertTrue(WebhookSignature.verify(BODY, header.toUpperCase().replace("SHA256=", "sha256="), "secret"));
    }

    @Test
    void refusesAWrongMissingOrUnkeyedSignature() {
        String header = WebhookSignature.sign(BODY, "secret");
        assertFalse(WebhookSignature.verify(BODY, WebhookSignature.sign(BODY, "other"), "secret"));
        assertFalse(WebhookSignature.verify("{}".getBytes(StandardCharsets.UTF_8), header, "secret"));
        assertFalse(WebhookSignature.verify(BODY, header.substring("sha256=".length()), "secret"));
        assertFalse(WebhookSignature.verify(BODY, null, "secret"));
        assertFalse(WebhookSignature.verify(BODY, header, ""));
        assertFalse(WebhookSignature.verify(BODY, header, null));
    }
}
