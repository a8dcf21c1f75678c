package io.hostreach.extraction.portal.navent;

import io.hostreach.extraction.portal.SearchCriteria;

/**
 * A Navent site's SEO URL grammar: every filter is a words-and-numbers segment of one {@code .html} path.
 * The two sites spell the same filters differently, so each has its own implementation.
 */
public interface NaventSearchPath {

    /** The path (starting with "/") of result page {@code page} (1-based), newest first. */
    String build(SearchCriteria criteria, int page);
}
