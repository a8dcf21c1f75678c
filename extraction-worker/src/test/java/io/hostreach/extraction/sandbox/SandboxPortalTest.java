package io.hostreach.extraction.sandbox;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.AgencyRefusal;
import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PhoneNumbers;
import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.SearchCriteria;
import io.hostreach.extraction.portal.SearchResultPage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxPortalTest {

    private final SandboxPortal portal = new SandboxPortal();

    private static SearchCriteria criteria(String operation, String locationId, String label) {
        return new SearchCriteria(operation, locationId, label, null, new BigDecimal("150000"),
                new BigDecimal("300000"), null, null, 2, null, null, Map.of());
    }

    private SearchResultPage page(SandboxAdapter adapter, SearchCriteria criteria, int page) {
        return adapter.parseSearchPage(portal.answer(adapter.searchRequest(criteria, page)));
    }

    @Test
    void pagesAreStableThirtyCardsNewestFirstForTwentyPages() {
        SandboxAdapter adapter = new SandboxAdapter("idealista");
        SearchCriteria valencia = criteria("sale", "0-EU-ES-46", "Valencia");

        SearchResultPage first = page(adapter, valencia, 1);
        assertEquals(30, first.listings().size());
        assertFalse(first.lastPage());
        assertEquals(first, page(adapter, valencia, 1), "deterministic");
        assertTrue(page(adapter, valencia, 20).lastPage());
        for (int i = 1; i < first.listings().size(); i++) {
            assertFalse(first.listings().get(i).publishedAt().isAfter(first.listings().get(i - 1).publishedAt()));
        }
        assertNotEquals(first.listings().get(0).listingId(),
                page(adapter, criteria("rent", "0-EU-ES-46", "Valencia"), 1).listings().get(0).listingId(),
                "another search, other listings");
    }

    @Test
    void listingsFollowTheFiltersAndTheMarket() {
        SandboxAdapter adapter = new SandboxAdapter("idealista");
        for (Listing l : page(adapter, criteria("sale", "0-EU-IT-MI", "Milano"), 1).listings()) {
            assertEquals("EUR", l.currency());
            assertEquals("sale", l.operation());
            assertEquals("Milano", l.city());
            assertTrue(l.rooms() >= 2);
            assertTrue(l.price().compareTo(new BigDecimal("150000")) >= 0 && l.price().compareTo(new BigDecimal("300000")) <= 0,
                    l.price().toString());
            if (l.phone() != null) {
                assertTrue(l.phone().startsWith("+39"), l.phone());
            }
        }
    }

    @Test
    void theMixHasPrivatesProfessionalsHiddenPhonesRefusalsAndRepeatedCards() {
        SandboxAdapter adapter = new SandboxAdapter("zonaprop");
        SearchCriteria search = criteria("rent", "palermo", "Palermo");
        int privates = 0;
        int professionals = 0;
        int hidden = 0;
        int refusing = 0;
        int repeated = 0;
        Set<String> ids = new HashSet<>();
        for (int p = 1; p <= 20; p++) {
            for (Listing card : page(adapter, search, p).listings()) {
                if (!ids.add(card.listingId())) {
                    repeated++;
                    continue;
                }
                Listing full = adapter.contactRequest(card)
                        .map(request -> adapter.parseContact(card, portal.answer(request))).orElse(card);
                if (full.advertiserType() == AdvertiserType.PRIVATE) {
                    privates++;
                    hidden += full.phone() == null ? 1 : 0;
                } else {
                    professionals++;
                }
                refusing += AgencyRefusal.refusesAgencies(full.title(), full.description()) ? 1 : 0;
                if (full.phone() != null) {
                    assertEquals(full.phone(), PhoneNumbers.toE164(full.phone(), "AR").orElse(null), "valid E.164");
                    assertTrue(full.phone().startsWith("+549115555"), full.phone());
                }
            }
        }
        assertTrue(privates > 200 && professionals > 200, privates + " / " + professionals);
        assertTrue(hidden > 20, "hidden " + hidden);
        assertTrue(refusing > 10, "refusing " + refusing);
        assertEquals(10, repeated, "every even page repeats the previous page's last card");
    }

    @Test
    void everyMarketsPhonesAreValidNumbers() {
        for (SandboxMarket market : SandboxMarket.values()) {
            for (long n : List.of(0L, 1L, 4242L, 9999L)) {
                String phone = market.phone(n);
                assertEquals(phone, PhoneNumbers.toE164(phone, market.country()).orElse(null), market + " " + phone);
            }
        }
    }

    @Test
    void onlyCardsWithoutAPhoneAskForTheContact() {
        SandboxAdapter adapter = new SandboxAdapter("fotocasa");
        for (Listing card : page(adapter, criteria("sale", "724,9,8,0,0,8019,0,0,0", "Barcelona"), 1).listings()) {
            java.util.Optional<PortalRequest> contact = adapter.contactRequest(card);
            assertEquals(card.phone() == null, contact.isPresent());
        }
    }
}
