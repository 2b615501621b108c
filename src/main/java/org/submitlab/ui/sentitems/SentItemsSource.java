package org.submitlab.ui.sentitems;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.submitlab.store.SentItemsCount;

/**
 * Where the Sent Items browser reads pages from (the store in the app). Called off the FX thread only.
 * Pages go by key (message id, newest first), so a page deep down costs what the first one does.
 */
public interface SentItemsSource {

    /** Up to {@code limit} rows with an id below {@code beforeId}, newest first; {@code search} "" for all. */
    List<SentItemRow> before(Optional<String> mailbox, String search, long beforeId, int limit);

    /** The {@code limit} rows just above {@code afterId}, newest first ({@code afterId} 0: the oldest page). */
    List<SentItemRow> after(Optional<String> mailbox, String search, long afterId, int limit);

    /** How many match, possibly only up to a cap (see {@link SentItemsCount}). */
    SentItemsCount count(Optional<String> mailbox, String search);

    Optional<byte[]> raw(long id);

    /** Whether messages may be deleted here (Live's Sent Items; a run's stay as they were recorded). */
    default boolean canDelete() {
        return false;
    }

    /** Deletes one message; false when it was no longer there. */
    default boolean delete(long id) {
        throw new UnsupportedOperationException("these Sent Items are read-only");
    }

    /** Deletes every message of the mailbox; returns how many. */
    default int clear(String mailbox) {
        throw new UnsupportedOperationException("these Sent Items are read-only");
    }

    /** The message's deliveries that failed (a non-delivery report), recipient to the NDR's reply. */
    default Map<String, String> failedDeliveries(long id) {
        return Map.of();
    }
}
