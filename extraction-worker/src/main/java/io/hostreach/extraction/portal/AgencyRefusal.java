package io.hostreach.extraction.portal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Spots listings whose text refuses agencies ("abstenerse agencias", "no inmobiliarias"…): never contacted. */
public final class AgencyRefusal {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("abstenganse\\s+(las\\s+)?(agencias|inmobiliarias)"),
            Pattern.compile("abstenerse\\s+(las\\s+)?(agencias|inmobiliarias|intermediarios)"),
            Pattern.compile("\\bno\\s+(agencias|inmobiliarias|intermediarios|corredores|agentes)\\b"),
            Pattern.compile("\\bsin\\s+(agencias|inmobiliarias|intermediarios|corredores)\\b"),
            Pattern.compile("\\bsolo\\s+particulares\\b"),
            Pattern.compile("\\bnada\\s+de\\s+(agencias|inmobiliarias)\\b"),
            Pattern.compile("\\bno\\s+acepto\\s+(agencias|inmobiliarias|intermediarios)\\b"),
            Pattern.compile("\\bnao\\s+(aceito\\s+)?(agencias|imobiliarias)\\b"),
            Pattern.compile("\\bno\\s+agenzie\\b"),
            Pattern.compile("\\bastenersi\\s+agenzie\\b"));

    private AgencyRefusal() {
    }

    public static boolean refusesAgencies(String... texts) {
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String folded = fold(text);
            for (Pattern pattern : PATTERNS) {
                if (pattern.matcher(folded).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower case without accents, so "Abstenerse AGENCIAS" and "abstenerse agéncias" both match. */
    private static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("\\s+", " ");
    }
}
