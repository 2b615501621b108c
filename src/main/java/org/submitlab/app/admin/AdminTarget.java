package org.submitlab.app.admin;

import org.submitlab.policy.Mailbox;
import org.submitlab.policy.TenantSettings;
import org.submitlab.store.Store;

/**
 * Where tenant administration writes: Live as the console holds it (changes reach its running server at
 * once), or a data folder's store opened by a command (a server running on the folder takes the change in
 * within a second, see {@code SubmissionServer}).
 */
public interface AdminTarget {

    Store store();

    TenantSettings settings();

    void updateSettings(TenantSettings settings);

    void saveMailbox(Mailbox mailbox);

    boolean removeMailbox(String address);

    /** A folder's store as a command opens it (no running server of its own). */
    static AdminTarget of(Store store) {
        return new AdminTarget() {
            @Override
            public Store store() {
                return store;
            }

            @Override
            public TenantSettings settings() {
                return store.settings().load();
            }

            @Override
            public void updateSettings(TenantSettings settings) {
                store.settings().save(settings);
            }

            @Override
            public void saveMailbox(Mailbox mailbox) {
                store.mailboxes().save(mailbox);
            }

            @Override
            public boolean removeMailbox(String address) {
                return store.mailboxes().delete(address);
            }
        };
    }
}
