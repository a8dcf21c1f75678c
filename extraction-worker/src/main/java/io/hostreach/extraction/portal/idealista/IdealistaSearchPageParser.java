package io.hostreach.extraction.portal.idealista;

import io.hostreach.extraction.portal.Listing;
import io.hostreach.extraction.portal.PortalLayoutChangedException;
import io.hostreach.extraction.portal.PortalResponse;
import io.hostreach.extraction.portal.SearchResultPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an idealista search results page ({@code main#main-content section.items-container article.item}).
 * The page is the last one when its pagination has no "next" link. Asking past the last page makes
 * idealista serve an earlier page instead of an error; that is recognised by the selected page number and
 * reported as an empty last page, so the run neither loops nor saves the same listings twice.
 */
final class IdealistaSearchPageParser {

    private static final Pattern TOTAL = Pattern.compile("^(\\d[\\d.]*)");

    private IdealistaSearchPageParser() {
    }

    static SearchResultPage parse(PortalResponse response) {
        IdealistaBlockDetector.check(response);
        requireSuccess(response);

        IdealistaSearchUrl searchUrl = IdealistaSearchUrl.parse(response.url()).orElseThrow(() ->
                new PortalLayoutChangedException("the page came from " + response.url()
                        + ", which is not an idealista search path ('/venta-viviendas/…' and the like)"));
        Document document = Jsoup.parse(response.body() == null ? "" : response.body(), searchUrl.site().baseUrl());

        Element container = document.selectFirst("section.items-container");
        if (container == null) {
            throw new PortalLayoutChangedException("idealista search page " + response.url()
                    + " has no 'section.items-container' (the results list)");
        }
        Integer total = totalResults(document);
        int requestedPage = searchUrl.page();
        Integer servedPage = selectedPage(document);
        boolean hasNext = document.selectFirst(".pagination li.next a[href]") != null;

        Elements cards = container.select("article.item:not(.adv)");
        if (cards.isEmpty()) {
            return new SearchResultPage(requestedPage, List.of(), true, total);
        }
        // Past the end idealista redirects to an earlier page: the cards there were already read.
        int shownPage = servedPage == null ? 1 : servedPage;
        if (shownPage < requestedPage) {
            return new SearchResultPage(requestedPage, List.of(), true, total);
        }

        List<Listing> listings = new ArrayList<>(cards.size());
        for (Element card : cards) {
            listings.add(IdealistaCardParser.parse(card, searchUrl.site(), searchUrl.operation(),
                    searchUrl.propertyType()));
        }
        return new SearchResultPage(requestedPage, List.copyOf(listings), !hasNext, total);
    }

    private static void requireSuccess(PortalResponse response) {
        int status = response.status();
        if (status == 404 || status == 410) {
            // idealista answers 404 to search paths it no longer knows (e.g. the removed private-only path).
            throw new PortalLayoutChangedException("idealista does not know the search path " + response.url()
                    + " (HTTP " + status + ")");
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("idealista answered HTTP " + status + " for " + response.url());
        }
    }

    /** "1.234 casas y pisos en venta en Valencia" → 1234; null when the heading is missing. */
    private static Integer totalResults(Document document) {
        Element heading = document.selectFirst("#h1-container__text");
        if (heading == null) {
            return null;
        }
        Matcher m = TOTAL.matcher(heading.text().trim());
        return m.find() ? Integer.valueOf(m.group(1).replace(".", "")) : null;
    }

    private static Integer selectedPage(Document document) {
        Element selected = document.selectFirst(".pagination li.selected");
        if (selected == null) {
            return null;
        }
        String text = selected.text().trim();
        return text.matches("\\d+") ? Integer.valueOf(text) : null;
    }
}
