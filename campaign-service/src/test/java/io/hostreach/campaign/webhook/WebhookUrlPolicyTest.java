package io.hostreach.campaign.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookUrlPolicyTest {

    @Test
    void internalAddressesAreRecognised() throws Exception {
        for (String internal : new String[]{"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1"}) {
            assertTrue(WebhookUrlPolicy.isInternal(InetAddress.getByName(internal)), internal);
        }
        for (String external : new String[]{"8.8.8.8", "1.1.1.1", "2001:4860:4860::8888"}) {
            assertFalse(WebhookUrlPolicy.isInternal(InetAddress.getByName(external)), external);
        }
    }

    @Test
    void productionPolicyRefusesLoopbackAndOddSchemes() {
        WebhookUrlPolicy strict = new WebhookUrlPolicy(false);
        assertEquals("url must point to a public address, not 127.0.0.1",
                strict.check("http://127.0.0.1:8080/hook").await().atMost(Duration.ofSeconds(5)).orElseThrow());
        assertTrue(strict.check("http://localhost/hook").await().atMost(Duration.ofSeconds(5)).isPresent());
        assertEquals("url must be a valid http or https URL",
                strict.check("javascript:alert(1)").await().atMost(Duration.ofSeconds(5)).orElseThrow());
        assertEquals("url must not carry credentials",
                strict.check("https://user:pw@example.com/").await().atMost(Duration.ofSeconds(5)).orElseThrow());
        assertTrue(new WebhookUrlPolicy(true).check("http://127.0.0.1/hook").await().atMost(Duration.ofSeconds(5)).isEmpty());
    }
}
