package org.submitlab.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of a device on its way: its recipients, the transactions still to succeed
 * (one, or one per recipient) and its attempts. Guarded by the lock of the runner that sends it (its device's,
 * or its relay's, which is always taken before its device's).
 */
final class MessageJob {

    final long seq;
    final String label;
    final String messageId;
    final Instant createdAt;
    final List<String> to;
    final List<String> cc;
    final List<String> bcc;
    /** Envelopes still to be accepted: the whole recipient list, or one per recipient. */
    final List<List<String>> remaining;
    int attempts;
    Instant firstAttemptAt;
    Instant dueAt;
    Instant readyAt;
    String lastReply = "";
    /** Some transaction of it was given up. */
    boolean gaveUp;
    /** The device whose message it is (its headers, its message counters); set by {@link DeviceRunner#newJob}. */
    DeviceRunner origin;
    /** Handed to a relay: the relay's runner sends it, and its delay counts from the hand-off. */
    boolean relayed;

    MessageJob(long seq, String label, String messageId, Instant createdAt, List<String> to, List<String> cc,
            List<String> bcc, boolean perRecipient) {
        this.seq = seq;
        this.label = label;
        this.messageId = messageId;
        this.createdAt = createdAt;
        this.to = List.copyOf(to);
        this.cc = List.copyOf(cc);
        this.bcc = List.copyOf(bcc);
        this.dueAt = createdAt;
        this.readyAt = createdAt;
        List<String> all = new ArrayList<>(to);
        all.addAll(cc);
        all.addAll(bcc);
        this.remaining = new ArrayList<>();
        if (perRecipient) {
            all.forEach(r -> remaining.add(List.of(r)));
        } else {
            remaining.add(List.copyOf(all));
        }
    }

    int recipientCount() {
        return to.size() + cc.size() + bcc.size();
    }
}
