package org.submitlab.server;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.SubmissionPolicy;
import org.submitlab.policy.Tenant;
import org.submitlab.store.Store;

/** Removes Sent Items older than their mailbox's retention period (lab-clock time). */
final class SentItemsRetention implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SentItemsRetention.class);

    private final Store store;
    private final Tenant tenant;
    private final SubmissionPolicy policy;

    SentItemsRetention(Store store, Tenant tenant, SubmissionPolicy policy) {
        this.store = store;
        this.tenant = tenant;
        this.policy = policy;
    }

    @Override
    public void run() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Sent Items retention sweep failed: {}", e.getMessage());
        }
    }

    /** Returns how many items were removed. */
    int sweep() {
        Instant now = policy.clock().instant();
        int removed = 0;
        for (Mailbox m : tenant.mailboxes()) {
            if (m.sentItemsRetention().isPresent()) {
                removed += store.sentItems().deleteOlderThan(m.address(), now.minus(m.sentItemsRetention().get()));
            }
        }
        if (removed > 0) {
            policy.setSentItemsBytes(store.sentItems().totalSizeByMailbox());
            LOG.info("Sent Items retention removed {} item(s)", removed);
        }
        return removed;
    }
}
