package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalBlockedException;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchResultPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Navent results page: the property cards, whether a next page exists, and the result count in the heading.
 * Development cards ({@code posting DEVELOPMENT}) are new-build projects sold by developers: never private
 * leads, so they are left out.
 */
final class NaventSearchPageParser {

    private static final Pattern PAGE_IN_PATH = Pattern.compile("-pagina-(\\d+)\\.html");
    private static final Pattern LEADING_COUNT = Pattern.compile("^\\s*(\\d[\\d.,]*)\\s");
    private static final String NEXT_PAGE = "[data-qa=\"PAGING_NEXT\"]";
    /** Property and development cards alike: "posting PROPERTY", "posting DEVELOPMENT". */
    private static final String ANY_POSTING_CARD = "[data-qa^=\"posting \"]";

    private final NaventSite site;
    private final NaventCardParser cards;

    NaventSearchPageParser(NaventSite site) {
        this.site = site;
        this.cards = new NaventCardParser(site);
    }

    SearchResultPage parse(PortalResponse response) {
        NaventBlockDetector.rejectObviousBlock(response, site.portal());
        Document page = Jsoup.parse(response.body() == null ? "" : response.body());
        String path = path(response.url());
        String operation = site.operationOfPath(path);

        List<Element> cardElements = page.select(NaventCardParser.CARD_SELECTOR);
        Integer total = resultCount(page);
        boolean anyPostingCard = !page.select(ANY_POSTING_CARD).isEmpty();

        if (cardElements.isEmpty() && !anyPostingCard && !isEmptyResultPage(page, total)) {
            if (NaventBlockDetector.looksBlocked(response)) {
                throw new PortalBlockedException(site.portal() + " answered HTTP " + response.status()
                        + " with a page that is neither results nor a known block page, looks like a captcha: "
                        + response.url());
            }
            throw new PortalLayoutChangedException(site.portal() + " results page has no " + NaventCardParser.CARD_SELECTOR
                    + " cards, no result count heading and no empty-results notice: " + response.url());
        }

        List<Listing> listings = new ArrayList<>(cardElements.size());
        for (Element card : cardElements) {
            listings.add(cards.parse(card, operation));
        }
        // A page of only development cards is not the end: only a missing "next" link (or no cards at all) is.
        boolean lastPage = !anyPostingCard || !hasNextPage(page);
        return new SearchResultPage(pageNumber(path), listings, lastPage, total);
    }

    private static boolean hasNextPage(Document page) {
        Element next = page.selectFirst(NEXT_PAGE);
        if (next == null) {
            return false;
        }
        String classes = next.className().toLowerCase(Locale.ROOT);
        return !next.hasAttr("disabled") && !"true".equals(next.attr("aria-disabled")) && !classes.contains("disabled");
    }

    /** "1.234 Departamentos en alquiler en Palermo" → 1234; the heading shows "0 ..." on an empty search. */
    private static Integer resultCount(Document page) {
        for (Element heading : page.select("h1")) {
            Matcher matcher = LEADING_COUNT.matcher(heading.text());
            if (matcher.find()) {
                return Integer.valueOf(matcher.group(1).replaceAll("[.,]", ""));
            }
        }
        return null;
    }

    private static boolean isEmptyResultPage(Document page, Integer total) {
        if (total != null && total == 0) {
            return true;
        }
        String text = Normalizer.normalize(page.body() == null ? "" : page.body().text().toLowerCase(Locale.ROOT),
                Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return text.contains("no encontramos resultados") || text.contains("no hay resultados para tu busqueda");
    }

    private static int pageNumber(String path) {
        if (path == null) {
            return 1;
        }
        Matcher matcher = PAGE_IN_PATH.matcher(path);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }

    private static String path(String url) {
        if (url == null) {
            return null;
        }
        try {
            String path = URI.create(url).getPath();
            return path == null ? url : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
