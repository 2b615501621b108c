package org.submitlab.ui.budget;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One mailbox's recipient budget as the server reports it.
 *
 * @param window the recipients counted in the sliding 24 hours, oldest first
 */
public record BudgetRow(String mailbox, int used, int limit, List<Use> window) {

    /** Recipients of one accepted message at its time. */
    public record Use(Instant time, int recipients) {
    }

    public BudgetRow {
        window = List.copyOf(window);
    }

    public int free() {
        return Math.max(0, limit - used);
    }

    public boolean blocked() {
        return used >= limit;
    }

    public double fraction() {
        return limit <= 0 ? 0 : Math.min(1.0, used / (double) limit);
    }

    public Optional<Use> oldest() {
        return window.isEmpty() ? Optional.empty() : Optional.of(window.get(0));
    }
}
