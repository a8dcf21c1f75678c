package io.hostreach.outreach.support;

import io.hostreach.outreach.whatsapp.Account;
import io.hostreach.outreach.whatsapp.AccountDirectory;
import io.hostreach.outreach.whatsapp.DirectoryException;
import io.hostreach.outreach.whatsapp.Template;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In tests the send pipeline gets credentials and templates the tests construct themselves (the REST
 * client to campaign-service is tested on its own, against WireMock).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestAccountDirectory implements AccountDirectory {

    private static final Map<String, Account> ACCOUNTS = new ConcurrentHashMap<>();
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    public static void register(Account account) {
        ACCOUNTS.put(account.id(), account);
    }

    public static void register(Template template) {
        TEMPLATES.put(template.id(), template);
    }

    public static Account registered(String accountId) {
        return ACCOUNTS.get(accountId);
    }

    @Override
    public Uni<Account> account(String accountId) {
        Account account = ACCOUNTS.get(accountId);
        return account != null ? Uni.createFrom().item(account)
                : Uni.createFrom().failure(new DirectoryException("no account " + accountId, true, null));
    }

    @Override
    public Uni<Template> template(String templateId) {
        Template template = TEMPLATES.get(templateId);
        return template != null ? Uni.createFrom().item(template)
                : Uni.createFrom().failure(new DirectoryException("no template " + templateId, true, null));
    }
}
