package io.hostreach.outreach.support;

import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.Template;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Accounts and templates built in the tests and handed to the pipeline through {@link TestAccountDirectory}. */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** A Cloud API account with its own business number (so its throughput and holds are its own). */
    public static Account cloud(Integer dailyLimit) {
        String phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L));
        Account account = new Account("acc-" + UUID.randomUUID(), UUID.randomUUID().toString(), "live", "whatsapp",
                "+34960000000", phoneNumberId, "waba-" + phoneNumberId, "EAAG-secret-" + UUID.randomUUID(), null, null, null,
                dailyLimit);
        TestAccountDirectory.register(account);
        return account;
    }

    public static Account evolution(String url) {
        Account account = new Account("acc-" + UUID.randomUUID(), UUID.randomUUID().toString(), "live", "whatsapp-no-api",
                "+34960000001", null, null, null, url, "instance-" + UUID.randomUUID().toString().substring(0, 8),
                "evo-key-" + UUID.randomUUID(), null);
        TestAccountDirectory.register(account);
        return account;
    }

    /** An approved Meta template: {{1}} = name, {{2}} = listing title. */
    public static Template approved() {
        return template("APPROVED");
    }

    public static Template template(String status) {
        Template template = new Template("tpl-" + UUID.randomUUID(), Template.META_API, "captacion_vendedor_v1", "es_ES",
                "MARKETING", status,
                List.of(new Template.Component("BODY", "Hola {{1}}, he visto su anuncio \"{{2}}\". ¿Hablamos? Responda BAJA si no quiere más mensajes.")),
                List.of("name", "listing.title"));
        TestAccountDirectory.register(template);
        return template;
    }
}
