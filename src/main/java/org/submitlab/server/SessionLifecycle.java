package org.submitlab.server;

import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.ConnectionLimits;
import org.submitlab.policy.Replies;

/**
 * Connection lifecycle. On accept (before the library writes its banner) the socket gets the line shaper
 * and the connection a place in the {@link ConnectionTable} (or a 421 4.3.2 when its address or the table
 * is full); at the end every slot is freed and an unfinished transaction is logged as abandoned. SubEthaSMTP calls onSessionEnd on every exit path of an accepted session
 * (QUIT, disconnect, timeout, errors).
 */
final class SessionLifecycle implements SessionHandler {

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final ServerContext ctx;

    SessionLifecycle(ServerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        ReplyShapingSocket socket = (ReplyShapingSocket) session.getSocket();
        InetSocketAddress client = (InetSocketAddress) socket.getRemoteSocketAddress();
        SessionState st = new SessionState(session.getSessionId(), client, socket);
        socket.shaper().attach(new LineShaper(st));
        ConnectionTable.Entry entry = new ConnectionTable.Entry(ConnectionLimits.addressKey(client.getAddress()),
                socket);
        ConnectionTable.Admission admission = ctx.connections.admit(entry, ctx.tenant.limits().connections());
        switch (admission.verdict()) {
            case ADDRESS_FULL -> {
                return refusal(Replies.TOO_MANY_CONNECTIONS_FROM_ADDRESS);
            }
            case TABLE_FULL -> {
                return refusal(Replies.TOO_MANY_CONNECTIONS);
            }
            default -> { }
        }
        st.entry = entry;
        ctx.register(session, st);
        admission.shed().ifPresent(ctx.connections::shed);
        ctx.publish(new LabEvent.ConnectionOpened(ctx.now(), st.id, st.clientText()));
        return SessionAcceptance.success();
    }

    /** The library sends "code text" and closes; the line shaper adds the suffix. No session end follows. */
    private static SessionAcceptance refusal(String line) {
        return SessionAcceptance.failure(Replies.code(line), line.substring(4));
    }

    @Override
    public void onSessionEnd(Session session) {
        SessionState st = ctx.remove(session);
        if (st == null) {
            return;
        }
        ctx.connections.remove(st.entry);
        ctx.transactions.abandon(st, "connection closed");
        ctx.transactions.connectionClosed(st);
        ctx.publish(new LabEvent.ConnectionClosed(ctx.now(), st.id, st.clientText(), st.mailbox));
    }

    /**
     * Gives the library's own lines Exchange's shape: the banner (the library's is fixed to
     * "220 host ESMTP software"), its timeout and unknown-command lines, and the suffix on any refusal;
     * then records the line in the transcript. Lines this server wrote pass through unchanged.
     */
    private final class LineShaper implements UnaryOperator<String> {
        private final SessionState st;
        private final String sessionId;
        private boolean bannerDone;

        LineShaper(SessionState st) {
            this.st = st;
            this.sessionId = st.id;
        }

        @Override
        public String apply(String line) {
            String shaped;
            if (!bannerDone && line.startsWith("220 ")) {
                shaped = "220 " + ctx.host() + " Microsoft ESMTP MAIL Service ready at "
                        + RFC_1123.format(ctx.now()) + " [" + sessionId + "]";
            } else if (line.startsWith("421 Timeout waiting for data")) {
                // A read timed out: the deadline that ended it says which 421 the client gets.
                shaped = st.socket.deadlines().ended().map(Deadline::reply).orElse(Replies.IDLE_TIMEOUT);
            } else {
                shaped = ProtocolReplies.forLibraryLine(line);
            }
            bannerDone = true;
            if (DiagnosticSuffix.isRefusal(shaped)) {
                shaped = DiagnosticSuffix.apply(shaped, ctx.host(), ctx.now(), sessionId);
            }
            ctx.serverLine(sessionId, shaped);
            return shaped;
        }
    }
}
