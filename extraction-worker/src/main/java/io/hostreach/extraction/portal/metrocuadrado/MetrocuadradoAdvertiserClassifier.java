package io.hostreach.extraction.portal.metrocuadrado;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostreach.extraction.portal.AdvertiserType;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Private or professional on metrocuadrado, which has no explicit flag in its search JSON (domain research
 * §2.3). The search item can only prove "professional": builder/project names, a new-build status, or the
 * agency office and branch contact fields. Nothing in it proves "private", so such items stay UNKNOWN (treated
 * as professional) unless the detail page names a company type that is an owner.
 */
final class MetrocuadradoAdvertiserClassifier {

    private static final List<String> AGENCY_FIELDS = List.of(
            "mnombreconstructor", "mnombreproyecto", "mcontactoinmobiliaria_fijo1", "mcontactosucursal_celular1");

    private static final List<String> OWNER_WORDS = List.of("propietario", "particular", "persona natural", "dueno");
    private static final List<String> PROFESSIONAL_WORDS = List.of(
            "inmobiliaria", "constructora", "agencia", "agente", "corredor", "empresa", "promotora");

    private MetrocuadradoAdvertiserClassifier() {
    }

    static AdvertiserType fromSearchItem(JsonNode item) {
        for (String field : AGENCY_FIELDS) {
            if (JsonValues.text(item, field) != null) {
                return AdvertiserType.PROFESSIONAL;
            }
        }
        if ("nuevo".equals(fold(JsonValues.text(item, "mestadoinmueble")))) {
            return AdvertiserType.PROFESSIONAL;
        }
        return AdvertiserType.UNKNOWN;
    }

    /** The detail page's company type, when present; otherwise what the search item said. */
    static AdvertiserType fromCompanyType(String companyType, AdvertiserType fallback) {
        String folded = fold(companyType);
        if (folded == null) {
            return fallback;
        }
        // professional words first: "inmobiliaria de propietarios" is still an agency
        if (PROFESSIONAL_WORDS.stream().anyMatch(folded::contains)) {
            return AdvertiserType.PROFESSIONAL;
        }
        if (OWNER_WORDS.stream().anyMatch(folded::contains)) {
            // an agency signal in the search item still wins: a false private gets an agency a cold message
            return fallback == AdvertiserType.PROFESSIONAL ? AdvertiserType.PROFESSIONAL : AdvertiserType.PRIVATE;
        }
        return fallback;
    }

    private static String fold(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
