package org.submitlab.ui.sentitems;

import java.util.List;
import java.util.Optional;

/** Where the Sent Items browser reads pages from (the store in the app). Called off the FX thread only. */
public interface SentItemsSource {

    /** Newest first; {@code search} over subject, sender and recipients, "" for all. */
    List<SentItemRow> page(Optional<String> mailbox, String search, int offset, int limit);

    long count(Optional<String> mailbox, String search);

    Optional<byte[]> raw(long id);
}
