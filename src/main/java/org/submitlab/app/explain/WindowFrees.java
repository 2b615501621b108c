package org.submitlab.app.explain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.submitlab.policy.MailboxStatus;
import org.submitlab.policy.RecipientWindow;
import org.submitlab.policy.WindowEntry;

/** When a mailbox at its recipient limit can send to one recipient again: when enough of its window has left it. */
public final class WindowFrees {

    private WindowFrees() {
    }

    /** Empty when the mailbox is not at its limit. */
    public static Optional<Instant> of(MailboxStatus m) {
        return of(m.recipientsInWindow(), m.recipientLimit(), m.window());
    }

    /** For {@code used} recipients against {@code limit}, the window's entries oldest first. */
    public static Optional<Instant> of(long used, long limit, List<WindowEntry> window) {
        long over = used - limit + 1;
        if (over <= 0 || window.isEmpty()) {
            return Optional.empty();
        }
        long freed = 0;
        for (WindowEntry e : window) {
            freed += e.recipients();
            if (freed >= over) {
                return Optional.of(e.time().plus(RecipientWindow.LENGTH));
            }
        }
        return Optional.of(window.get(window.size() - 1).time().plus(RecipientWindow.LENGTH));
    }
}
