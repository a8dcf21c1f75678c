package io.hostreach.outreach.manual;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClickToChatTest {

    @Test
    void linksTheDigitsWithTheTextUrlEncoded() {
        assertEquals("https://wa.me/34612345678?text=Hola%20Ana%2C%20%C2%BFsigue%20disponible%20%C2%ABPiso%20%26%20garaje%C2%BB%3F",
                ClickToChat.link("+34612345678", "Hola Ana, ¿sigue disponible «Piso & garaje»?"));
    }

    @Test
    void keepsLineBreaksAndPlusSigns() {
        assertEquals("https://wa.me/573001234567?text=1%2B1%0AHola", ClickToChat.link("+57 300 123 4567", "1+1\nHola"));
    }
}
