package io.hostreach.extraction.portal.fotocasa;

import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FotocasaContactTest {

    private final FotocasaAdapter adapter = new FotocasaAdapter();
    private final List<Listing> page1 = FotocasaSearchPageParserTest.page1().listings();

    @Test
    void noContactRequestWhenTheSearchItemCarriedThePhone() {
        Listing withPhone = page1.get(0);

        assertNotNull(withPhone.phone());
        assertEquals(Optional.empty(), adapter.contactRequest(withPhone));
    }

    @Test
    void noContactRequestForAHiddenPhoneEither() {
        Listing hidden = page1.get(2);

        // The number sits behind a logged-in "Ver teléfono": there is nothing to fetch.
        assertNull(hidden.phone());
        assertEquals(Optional.empty(), adapter.contactRequest(hidden));
    }

    @Test
    void aResponseHandedInAnywayIsCheckedForABlockAndOtherwiseChangesNothing() {
        Listing listing = page1.get(2);

        assertThrows(PortalBlockedException.class, () -> adapter.parseContact(listing,
                Fixtures.html(403, "blocked-imperva.html", "https://www.fotocasa.es/")));
        assertSame(listing, adapter.parseContact(listing,
                new PortalResponse(200, "application/json", "{}", "https://web.gw.fotocasa.es/")));
    }
}
