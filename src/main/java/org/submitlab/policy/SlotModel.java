package org.submitlab.policy;

/**
 * When a transaction's concurrency slot is decided (docs/decisions/0302): both readings of Microsoft's
 * "3 concurrent submissions" are plausible.
 */
public enum SlotModel {
    /** At MAIL FROM: a transaction that began while the mailbox had its limit in flight gets 432 at its end of DATA. */
    MAIL_FROM,
    /**
     * At the end of DATA: a transaction that found the limit in flight at its MAIL FROM asks again at its end of
     * DATA, and is accepted when fewer than the limit are in flight then (those that had a slot keep it).
     */
    END_OF_DATA
}
