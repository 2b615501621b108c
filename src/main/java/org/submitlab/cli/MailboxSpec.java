package org.submitlab.cli;

import java.util.Optional;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.PasswordHasher;

/** A {@code --mailbox ADDRESS:PASSWORD} argument. The password is everything after the first colon. */
record MailboxSpec(String address, String password) {

    static MailboxSpec parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--mailbox wants ADDRESS:PASSWORD, like printer@contoso.test:Secret1, got '"
                    + text + "'");
        }
        return new MailboxSpec(Mailbox.normalize(text.substring(0, colon)), text.substring(colon + 1));
    }

    /** The mailbox to save: a new one, or the existing one with its settings kept and this password. */
    Mailbox applyTo(Optional<Mailbox> existing) {
        return existing.map(m -> m.withPasswordHash(PasswordHasher.hash(password)))
                .orElseGet(() -> Mailbox.create(address, null, password));
    }
}
