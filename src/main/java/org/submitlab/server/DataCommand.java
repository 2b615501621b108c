package org.submitlab.server;

import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.EndpointKind;
import org.submitlab.policy.Limits;
import org.submitlab.policy.Mailbox;
import org.submitlab.policy.Replies;
import org.submitlab.policy.SubmissionPolicy.Decision;
import org.submitlab.policy.SubmissionPolicy.Submission;
import org.submitlab.store.MessageBody;
import org.submitlab.store.SentItemDraft;
import org.submitlab.store.SubmissionRecord;

/**
 * DATA: 354, the whole body (streamed; beyond the size or send limit it is only counted), then the
 * policy's decision. An accepted message is committed to the store and only then gets its 250.
 */
final class DataCommand extends SmtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(DataCommand.class);
    private static final long NO_SLOT_HEAD_BYTES = 16 * 1024;

    DataCommand(ServerContext ctx) {
        super("DATA", ctx);
    }

    @Override
    void handle(String line, Session session, SessionState st) throws IOException {
        Transaction tx = st.transaction;
        if (!st.authenticated()) {
            ctx.reply(session, st, EnvelopeCommands.notAuthenticated(st));
            return;
        }
        if (tx == null) {
            ctx.reply(session, st, ProtocolReplies.NEED_MAIL);
            return;
        }
        if (tx.recipients.isEmpty()) {
            ctx.reply(session, st, ProtocolReplies.NEED_RCPT);
            return;
        }
        ctx.reply(session, st, Replies.START_MAIL_INPUT);
        tx.phase = Transaction.Phase.DATA;
        Limits limits = ctx.tenant.limits();
        Optional<Mailbox> mailbox = ctx.tenant.mailbox(st.mailbox);
        // With the end-of-DATA slot model the slot is decided once the body is in (below).
        boolean slot = tx.decidedAtEnd || ctx.transactions.holdsSlot(st, tx);
        // Without a slot the answer is 432 whatever the body says: only its head is kept, for the Message-ID
        // that lets a trace follow the message's retries.
        long keep = !slot ? NO_SLOT_HEAD_BYTES : Math.min(limits.maxMessageSize(), mailbox.map(ctx.tenant::sendLimitBytes).orElse(0L));
        DataReader.Body body;
        st.socket.deadlines().startData(System.nanoTime());
        try {
            body = DataReader.read(session.getRawInput(), keep, ctx.store::newSpoolFile);
        } catch (EOFException e) {
            ctx.transactions.abandon(st, "connection closed during DATA");
            session.quit();
            return;
        } finally {
            st.socket.deadlines().endData();
        }
        if (tx.decidedAtEnd) {
            slot = ctx.transactions.holdsSlot(st, tx);
        }
        try {
            decide(session, st, tx, mailbox, body, slot);
        } finally {
            body.discard();
        }
    }

    private void decide(Session session, SessionState st, Transaction tx, Optional<Mailbox> mailbox,
            DataReader.Body body, boolean slot) throws IOException {
        tx.bytesReceived = body.size();
        ctx.clientLine(st, "<message body, " + body.size() + " octets>");
        if (mailbox.isEmpty()) {
            // Removed while its device was sending: refused before the policy counts anything for it.
            refuse(session, st, tx, body.size(), Replies.AUTH_FAILED, null);
            return;
        }
        MessageHeaders headers = MessageHeaders.parse(body.kept(), body.size());
        int external = (int) tx.recipients.stream().filter(ctx.tenant::isExternal).count();
        Decision d = ctx.policy.decide(new Submission(st.mailbox, tx.envelopeFrom, tx.recipients.size(),
                body.size(), false, authorToCheck(headers, mailbox.get()), slot, headers.complete(), ctx.endpoint,
                external));
        if (!d.accepted()) {
            refuse(session, st, tx, body.size(), d.reply(), headers.messageId().orElse(null));
            return;
        }
        if (body.lost()) {
            notStored(session, st, tx, body.size(), d, new IOException("the body could not be spooled"));
            return;
        }
        accept(session, st, tx, mailbox.get(), body, headers, d);
    }

    /** The author the Send As check must see (From and Sender): the first the mailbox may not send as, else the first. */
    private static Optional<String> authorToCheck(MessageHeaders headers, Mailbox mailbox) {
        List<String> authors = headers.authors();
        return authors.stream().filter(a -> !mailbox.maySendAs(a)).findFirst()
                .or(() -> authors.stream().findFirst());
    }

    /** Frees the slot, logs and publishes, then replies: whoever sees the reply also sees the rest. */
    private void refuse(Session session, SessionState st, Transaction tx, long size, String reply, String messageId)
            throws IOException {
        ctx.transactions.end(st);
        String line = ctx.shape(st, reply);
        ctx.transactions.refused(st, tx.envelopeFrom, tx.recipients, size, "DATA", line, messageId);
        session.sendResponse(line);
    }

    private void accept(Session session, SessionState st, Transaction tx, Mailbox mailbox, DataReader.Body body,
            MessageHeaders headers, Decision d) throws IOException {
        Stored stored;
        try {
            stored = store(st, tx, mailbox, body, headers, d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notStored(session, st, tx, body.size(), d, e);
            return;
        } catch (ExecutionException | RuntimeException e) {
            notStored(session, st, tx, body.size(), d, e);
            return;
        }
        ctx.policy.recordAccepted(mailbox.address(), savesToSentItems(mailbox) ? body.size() : 0);
        ctx.transactions.end(st);
        Instant now = ctx.now();
        ctx.publish(new LabEvent.SubmissionAccepted(now, st.id, st.mailbox, tx.envelopeFrom,
                tx.recipients.size(), body.size(), stored.messageId(), stored.sentItemId(), stored.reply()));
        if (d.delayed()) {
            ctx.publish(new LabEvent.DeliveryScheduled(now, st.id, st.mailbox, stored.messageId(), d.deliverAt()));
        }
        if (d.externalFailure() != null) {
            LOG.info("{}: the external deliveries of {} fail (non-delivery report): {}", st.mailbox,
                    stored.messageId(), d.externalFailure());
        }
        ctx.reply(session, st, stored.reply());
    }

    /** High Volume Email keeps no Sent Items copy. */
    private boolean savesToSentItems(Mailbox mailbox) {
        return mailbox.saveToSentItems() && ctx.endpoint != EndpointKind.HVE;
    }

    private record Stored(String messageId, String reply, long sentItemId) {
    }

    /**
     * Commits the message and waits for it. No timeout: the writer completes every future, and a
     * timed-out wait could not tell the device whether its message was stored (a 451 for a message
     * that lands later makes a duplicate).
     */
    private Stored store(SessionState st, Transaction tx, Mailbox mailbox, DataReader.Body body,
            MessageHeaders headers, Decision d) throws InterruptedException, ExecutionException {
        String host = ctx.host();
        String messageId = headers.messageId().orElseGet(() -> "<" + UUID.randomUUID().toString().replace("-", "")
                + "@" + host + ">");
        String reply = Replies.accepted(messageId, host);
        MessageBody raw = body.message();
        String fromHeader = headers.from().orElse("");
        String asSubmitted = fromHeader;
        if (ctx.tenant.settings().rewriteDisplayName() && headers.fromAddress().isPresent()) {
            fromHeader = DisplayNameRewrite.fromValue(headers.fromAddress().get(), mailbox.displayName());
            byte[] head = body.kept(); // the header is in memory even when the body was spooled
            byte[] rewritten = DisplayNameRewrite.apply(head, fromHeader);
            if (rewritten != head) {
                raw = raw.withHead(rewritten, head.length);
            }
        }
        SentItemDraft draft = new SentItemDraft(mailbox.address(), ctx.now(), tx.envelopeFrom, tx.recipients,
                st.mailbox, st.clientText(), st.tls, st.id, raw, headers.subject().orElse(""), messageId,
                fromHeader, savesToSentItems(mailbox), deliverTo(tx, headers), d.deliverAt(), external(tx),
                d.externalFailure());
        SubmissionRecord record = new SubmissionRecord(draft.time(), st.id, st.mailbox, st.clientText(),
                tx.envelopeFrom, tx.recipients, body.size(), true, reply, messageId, d.delayed() ? d.deliverAt() : null,
                asSubmitted.equals(fromHeader) ? null : asSubmitted.trim() + "\n" + fromHeader);
        return new Stored(messageId, reply, ctx.store.commitAccepted(draft, record).get());
    }

    private void notStored(Session session, SessionState st, Transaction tx, long size, Decision d, Exception e)
            throws IOException {
        LOG.warn("A message from {} could not be stored: {}", st.mailbox, e.toString());
        ctx.policy.undo(st.mailbox, d);
        refuse(session, st, tx, size, ProtocolReplies.NOT_STORED, null);
    }

    /** The recipients that count against the tenant's external limit (none on HVE, which is excluded from it). */
    private Set<String> external(Transaction tx) {
        if (ctx.endpoint == EndpointKind.HVE) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        tx.recipients.stream().filter(ctx.tenant::isExternal).forEach(out::add);
        return out;
    }

    /**
     * The envelope recipients, a distribution group replaced by its members; with the duplicates replay switch,
     * the To/Cc header addresses too.
     */
    private List<String> deliverTo(Transaction tx, MessageHeaders headers) {
        if (!ctx.tenant.settings().deliverToHeaderRecipients()) {
            return ctx.tenant.expandGroups(tx.recipients);
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(tx.recipients);
        all.addAll(headers.toAndCc());
        return ctx.tenant.expandGroups(new ArrayList<>(all));
    }
}
