package org.submitlab.app;

import java.util.List;
import org.submitlab.policy.Mailbox;
import org.submitlab.store.Store;

/**
 * The tenant a first run creates, so the console shows something meaningful in its first minute:
 * a few mailboxes a trainer can point real devices at. The devices come from the selected scenario.
 */
public final class DemoTenant {

    public static final String PASSWORD = "SubmitLab-demo-1";
    public static final List<String[]> MAILBOXES = List.of(
            new String[] {"printer@contoso.test", "Printers 3rd floor"},
            new String[] {"scanner@contoso.test", "Scan to email"},
            new String[] {"alerts@contoso.test", "Monitoring alerts"},
            new String[] {"newsletter@contoso.test", "Contoso newsletter"});

    private DemoTenant() {
    }

    /** Creates the demo mailboxes when the store has none; returns whether it did. Not on the FX thread. */
    public static boolean createIfEmpty(Store store) {
        if (!store.mailboxes().all().isEmpty()) {
            return false;
        }
        for (String[] m : MAILBOXES) {
            store.mailboxes().save(Mailbox.create(m[0], m[1], PASSWORD));
        }
        return true;
    }

    public static String firstMailbox() {
        return MAILBOXES.get(0)[0];
    }
}
