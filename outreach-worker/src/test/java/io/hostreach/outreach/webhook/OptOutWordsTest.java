package io.hostreach.outreach.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptOutWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"BAJA", "baja", "¡Baja!", "  Baja.  ", "STOP", "Stop", "PARAR", "cancelar", "CANCELAR",
            "No me interesa", "NO ME INTERESA.", "no me interésa", "Basta", "BASTA!!", "SAIR", "Não", "unsubscribe",
            "UNSUBSCRIBE", "Dar de baja", "no, gracias"})
    void wholeMessageOptOutsAreRecognised(String text) {
        assertTrue(OptOutWords.isOptOut(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hola, ¿cuánto pide?", "no sé, quizás la semana que viene", "Stop by tomorrow?",
            "baja el precio?", "Me interesa", "", "   "})
    void wordsInsideALongerMessageAreNotAnOptOut(String text) {
        assertFalse(OptOutWords.isOptOut(text), text);
    }

    @org.junit.jupiter.api.Test
    void nullIsNotAnOptOut() {
        assertFalse(OptOutWords.isOptOut(null));
    }
}
