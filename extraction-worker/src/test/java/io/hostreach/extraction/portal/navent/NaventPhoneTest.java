package io.hostreach.extraction.portal.navent;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NaventPhoneTest {

    @Test
    void argentineMobilesKeepOrRegainTheirNine() {
        assertEquals(Optional.of("+5491155550123"), NaventPhone.whatsAppToE164("5491155550123", "AR"));
        assertEquals(Optional.of("+5491155550123"), NaventPhone.whatsAppToE164("+54 9 11 5555-0123", "AR"));
        assertEquals(Optional.of("+5491155550123"), NaventPhone.whatsAppToE164("+54 11 5555-0123", "AR"));
        assertEquals(Optional.of("+5491155550123"), NaventPhone.whatsAppToE164("011 15-5555-0123", "AR"));
        assertEquals(Optional.of("+5491155550123"), NaventPhone.whatsAppToE164("11 5555-0123", "AR"));
        assertEquals(Optional.of("+5493515123456"), NaventPhone.whatsAppToE164("0351 15 512-3456", "AR"));
    }

    @Test
    void mexicanNumbersLoseTheRetiredMobilePrefixes() {
        assertEquals(Optional.of("+525555550123"), NaventPhone.whatsAppToE164("5215555550123", "MX"));
        assertEquals(Optional.of("+523335550199"), NaventPhone.whatsAppToE164("+52 1 33 3555 0199", "MX"));
        assertEquals(Optional.of("+525512340077"), NaventPhone.whatsAppToE164("044 55 1234 0077", "MX"));
        assertEquals(Optional.of("+525512340077"), NaventPhone.whatsAppToE164("525512340077", "MX"));
        assertEquals(Optional.of("+525512340077"), NaventPhone.whatsAppToE164("55 1234 0077", "MX"));
    }

    @Test
    void maskedOrMissingNumbersAreNotPhones() {
        assertEquals(Optional.empty(), NaventPhone.whatsAppToE164("11 5555-****", "AR"));
        assertEquals(Optional.empty(), NaventPhone.whatsAppToE164("", "MX"));
        assertEquals(Optional.empty(), NaventPhone.whatsAppToE164(null, "AR"));
        assertEquals(Optional.empty(), NaventPhone.whatsAppToE164("12345", "MX"));
    }
}
