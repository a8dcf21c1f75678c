package io.hostreach.campaign.widget;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WidgetOriginsTest {

    @Test
    void originsAreComparedInTheFormBrowsersSend() {
        assertEquals(Optional.of("https://www.agenciasol.es"), WidgetOrigins.canonical("HTTPS://WWW.AgenciaSol.es:443/"));
        assertEquals(Optional.of("http://localhost:3000"), WidgetOrigins.canonical("http://localhost:3000"));
        assertEquals(Optional.of("http://127.0.0.1"), WidgetOrigins.canonical("http://127.0.0.1:80"));
        for (String bad : new String[] {"null", "*", "https://x.example/path", "ftp://x.example", "https://user@x.example",
                "https://x.example?q=1", "//x.example", "", "https://x.example#top"}) {
            assertTrue(WidgetOrigins.canonical(bad).isEmpty(), bad);
        }
    }

    @Test
    void anAddressIsKeptOnlyAsASaltedHash() {
        IpHasher hasher = new IpHasher("salt-1");
        String hash = hasher.hash("203.0.113.7");
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertEquals(hash, hasher.hash("203.0.113.7"));
        assertNotEquals(hash, hasher.hash("203.0.113.8"));
        assertNotEquals(hash, new IpHasher("salt-2").hash("203.0.113.7"));
    }

    @Test
    void phonesBecomeE164WithTheWorkspacesCountry() {
        assertEquals("+34612345678", WidgetLeadRequest.e164("612 34 56 78", "ES"));
        assertEquals("+573001234567", WidgetLeadRequest.e164("300 1234567", "CO"));
        assertEquals("+34612345678", WidgetLeadRequest.e164("+34 612-345-678", "MX"));
        assertEquals(null, WidgetLeadRequest.e164("12", "ES"));
        assertEquals(null, WidgetLeadRequest.e164("call me", "ES"));
    }
}
