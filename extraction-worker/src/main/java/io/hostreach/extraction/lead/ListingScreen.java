package io.hostreach.extraction.lead;

import io.hostreach.extraction.portal.AdvertiserType;
import io.hostreach.extraction.portal.AgencyRefusal;
import io.hostreach.extraction.portal.Listing;

/**
 * The product's rules on which listings become leads. {@link #beforeContact} uses only what the results page
 * says, so no contact request is spent on a listing that can already be ruled out; {@link #afterContact}
 * decides with everything known.
 */
public final class ListingScreen {

    private final boolean privateOnly;

    public ListingScreen(boolean privateOnly) {
        this.privateOnly = privateOnly;
    }

    public ScreenVerdict beforeContact(Listing listing) {
        if (privateOnly && listing.advertiserType() == AdvertiserType.PROFESSIONAL) {
            return ScreenVerdict.PROFESSIONAL;
        }
        if (AgencyRefusal.refusesAgencies(listing.title(), listing.description())) {
            return ScreenVerdict.AGENCY_REFUSAL;
        }
        return ScreenVerdict.KEEP;
    }

    /** Unknown advertisers count as professionals when only private ones are wanted. */
    public ScreenVerdict afterContact(Listing listing) {
        if (privateOnly && listing.advertiserType() != AdvertiserType.PRIVATE) {
            return ScreenVerdict.PROFESSIONAL;
        }
        if (AgencyRefusal.refusesAgencies(listing.title(), listing.description())) {
            return ScreenVerdict.AGENCY_REFUSAL;
        }
        if (listing.phone() == null || listing.phone().isBlank()) {
            return ScreenVerdict.NO_PHONE;
        }
        return ScreenVerdict.KEEP;
    }
}
