package io.hostreach.outreach.webhook;

import io.hostreach.outreach.enrolment.EnrolmentPolicy;

import java.util.Set;

/**
 * Replies that mean "stop contacting me", whole message only, whatever the case, accents or punctuation
 * ("¡Baja!", "No me interesa.", "STOP"). Spanish, Portuguese, Italian and English, as the markets need.
 * They are checked before anything else reads a reply.
 */
public final class OptOutWords {

    private static final Set<String> WORDS = Set.of(
            // es
            "baja", "darme de baja", "dar de baja", "de baja", "stop", "parar", "para", "pare", "cancelar", "basta",
            "no", "no gracias", "no me interesa", "no estoy interesado", "no estoy interesada", "no me escribas",
            "no me escriban", "no molestar", "no me molesten", "eliminar", "borrar mis datos", "dejen de escribirme",
            // pt
            "sair", "nao", "nao obrigado", "nao obrigada", "nao tenho interesse", "nao me interessa", "cancelar inscricao",
            // it
            "non mi interessa", "basta cosi", "cancellami", "annulla iscrizione",
            // en
            "unsubscribe", "opt out", "optout", "stop all", "remove me", "not interested");

    private OptOutWords() {
    }

    public static boolean isOptOut(String message) {
        if (message == null) {
            return false;
        }
        return WORDS.contains(EnrolmentPolicy.normalise(message));
    }
}
