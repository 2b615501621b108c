package org.submitlab.ui.sentitems;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the Sent Items browser reads pages from (the store in the app). Called off the FX thread only. */
public interface SentItemsSource {

    /** Newest first; {@code search} over subject, sender and recipients, "" for all. */
    List<SentItemRow> page(Optional<String> mailbox, String search, int offset, int limit);

    long count(Optional<String> mailbox, String search);

    Optional<byte[]> raw(long id);

    /** The message's deliveries that failed (a non-delivery report), recipient to the NDR's reply. */
    default Map<String, String> failedDeliveries(long id) {
        return Map.of();
    }
}
