package io.hostreach.extraction.platform;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds place names and queries alike: no accents, lower case, words separated by single spaces. */
final class TextFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private TextFold() {
    }

    /** "L'Hospitalet de Llobregat" → "l hospitalet de llobregat"; "Málaga" → "malaga". */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("ø", "o");
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(bare).replaceAll(" ").trim();
    }

    static List<String> words(String folded) {
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    /** The URL form of a name: "Santa Cruz de Tenerife" → "santa-cruz-de-tenerife". */
    static String slug(String text) {
        return fold(text).replace(' ', '-');
    }
}
