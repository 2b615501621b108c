package org.submitlab.policy;

/**
 * When a transaction's concurrency slot is decided (docs/decisions/0302): both readings of Microsoft's
 * "3 concurrent submissions" are plausible.
 */
public enum SlotModel {
    /** At MAIL FROM: a transaction that began while the mailbox had its limit in flight gets 432 at its end of DATA. */
    MAIL_FROM,
    /** At the end of DATA: the transactions in flight then (this one included) are counted against the limit. */
    END_OF_DATA
}
