package io.hostreach.outreach.whatsapp;

import io.smallrye.mutiny.Uni;

/**
 * Where outreach gets account credentials and templates: campaign-service owns them. Fails with
 * {@link DirectoryException} (missing: {@code notFound}) when it cannot answer.
 */
public interface AccountDirectory {

    Uni<Account> account(String accountId);

    Uni<Template> template(String templateId);
}
