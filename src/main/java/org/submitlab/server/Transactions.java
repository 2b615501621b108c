package org.submitlab.server;

import java.util.List;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.SlotModel;
import org.submitlab.policy.SubmissionPolicy.SlotGrant;
import org.submitlab.store.SubmissionRecord;

/**
 * Starting and ending mail transactions: concurrency slots (per transaction, or per connection when
 * whole connections count) and the log entry and events of refused and abandoned attempts.
 */
final class Transactions {

    private final ServerContext ctx;

    Transactions(ServerContext ctx) {
        this.ctx = ctx;
    }

    /** MAIL FROM was accepted: the transaction begins and asks for a slot. */
    Transaction start(SessionState st, String envelopeFrom) {
        Transaction tx = new Transaction(envelopeFrom);
        st.transaction = tx;
        ctx.publish(new LabEvent.TransactionStarted(ctx.now(), st.id, st.mailbox, envelopeFrom));
        if (ctx.tenant.limits().countWholeConnections()) {
            if (!st.holdsConnectionSlot) {
                acquireConnectionSlot(st);
            }
        } else {
            tx.holdsTransactionSlot = request(st);
            // With the end-of-DATA model, one that found the limit in flight asks again at its end of DATA.
            tx.decidedAtEnd = !tx.holdsTransactionSlot
                    && ctx.tenant.settings().rules().slotModel() == SlotModel.END_OF_DATA;
        }
        return tx;
    }

    /** AUTH succeeded: when whole connections count, the connection asks for its slot now. */
    void authenticated(SessionState st) {
        ctx.policy.connectionOpened(st.mailbox);
        if (ctx.tenant.limits().countWholeConnections()) {
            acquireConnectionSlot(st);
        }
    }

    /**
     * Whether the transaction may be accepted as far as concurrency goes: its slot from MAIL FROM (or its
     * connection's), or, with the end-of-DATA slot model, one it gets now if fewer than the limit are in flight.
     */
    boolean holdsSlot(SessionState st, Transaction tx) {
        if (tx.decidedAtEnd) {
            tx.decidedAtEnd = false;
            tx.holdsTransactionSlot = request(st);
        }
        return tx.holdsTransactionSlot || st.holdsConnectionSlot;
    }

    /** The transaction is over (replied at the end of DATA, reset, or abandoned): its slot is freed. */
    void end(SessionState st) {
        Transaction tx = st.transaction;
        st.transaction = null;
        if (tx != null && tx.holdsTransactionSlot) {
            tx.holdsTransactionSlot = false;
            release(st);
        }
    }

    /** The connection is closing: frees its transaction's and its own slot. */
    void connectionClosed(SessionState st) {
        end(st);
        if (st.holdsConnectionSlot) {
            st.holdsConnectionSlot = false;
            release(st);
        }
        if (st.mailbox != null) {
            ctx.policy.connectionClosed(st.mailbox);
        }
    }

    /** Logs and publishes a refusal; {@code reply} is the line as sent. */
    void refused(SessionState st, String envelopeFrom, List<String> recipients, long size, String phase,
            String reply) {
        refused(st, envelopeFrom, recipients, size, phase, reply, null);
    }

    /** As above, for a message whose header was read: its Message-ID lets a trace follow its retries. */
    void refused(SessionState st, String envelopeFrom, List<String> recipients, long size, String phase,
            String reply, String messageId) {
        ctx.recordAsync(new SubmissionRecord(ctx.now(), st.id, st.mailbox, st.clientText(), envelopeFrom,
                recipients, size, false, reply, messageId, null));
        ctx.publish(new LabEvent.SubmissionRefused(ctx.now(), st.id, st.mailbox, envelopeFrom, recipients.size(),
                size, phase, reply));
    }

    /** A transaction left without an end-of-DATA reply (RSET, QUIT, EHLO, disconnect, timeout). */
    void abandon(SessionState st, String why) {
        Transaction tx = st.transaction;
        if (tx == null) {
            return;
        }
        String reply = "aborted: " + why;
        refused(st, tx.envelopeFrom, tx.recipients, tx.bytesReceived, tx.phase.name(), reply);
        end(st);
    }

    private boolean request(SessionState st) {
        SlotGrant g = ctx.policy.acquireSlot(st.mailbox);
        ctx.publish(new LabEvent.SlotRequested(ctx.now(), st.id, st.mailbox, g.granted(), g.inUse(), g.limit()));
        return g.granted();
    }

    private void acquireConnectionSlot(SessionState st) {
        st.holdsConnectionSlot = request(st);
    }

    private void release(SessionState st) {
        int inUse = ctx.policy.releaseSlot(st.mailbox);
        ctx.publish(new LabEvent.SlotReleased(ctx.now(), st.id, st.mailbox, inUse,
                ctx.tenant.limits().concurrentPerMailbox()));
    }
}
