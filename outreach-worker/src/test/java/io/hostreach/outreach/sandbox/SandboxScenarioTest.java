package io.hostreach.outreach.sandbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SandboxScenarioTest {

    @Test
    void theLastDigitDecides() {
        assertEquals(SandboxScenario.NOT_ON_WHATSAPP, SandboxScenario.forNumber("34612345670"));
        assertEquals(SandboxScenario.ECOSYSTEM_LIMIT, SandboxScenario.forNumber("34612345671"));
        assertEquals(SandboxScenario.READ, SandboxScenario.forNumber("34612345672"));
        assertEquals(SandboxScenario.READ, SandboxScenario.forNumber("34612345675"));
        assertEquals(SandboxScenario.REPLY, SandboxScenario.forNumber("34612345677"));
        assertEquals(SandboxScenario.OPT_OUT, SandboxScenario.forNumber("34612345678"));
        assertEquals(SandboxScenario.DELIVERED_ONLY, SandboxScenario.forNumber("34612345679"));
        assertEquals(SandboxScenario.READ, SandboxScenario.forNumber(""));
    }
}
