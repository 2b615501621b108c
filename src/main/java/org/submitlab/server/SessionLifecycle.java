package org.submitlab.server;

import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;
import org.submitlab.events.LabEvent;

/**
 * Connection lifecycle. On accept (before the library writes its banner) the session gets its state
 * and its socket gets the line shaper; at the end every slot is freed and an unfinished transaction
 * is logged as abandoned. SubEthaSMTP calls onSessionEnd on every exit path of an accepted session
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
        ctx.register(session, st);
        socket.shaper().attach(new LineShaper(st.id));
        ctx.publish(new LabEvent.ConnectionOpened(ctx.now(), st.id, st.clientText()));
        return SessionAcceptance.success();
    }

    @Override
    public void onSessionEnd(Session session) {
        SessionState st = ctx.remove(session);
        if (st == null) {
            return;
        }
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
        private final String sessionId;
        private boolean bannerDone;

        LineShaper(String sessionId) {
            this.sessionId = sessionId;
        }

        @Override
        public String apply(String line) {
            String shaped = line;
            if (!bannerDone) {
                bannerDone = true;
                if (line.startsWith("220 ")) {
                    shaped = "220 " + ctx.host() + " Microsoft ESMTP MAIL Service ready at "
                            + RFC_1123.format(ctx.now()) + " [" + sessionId + "]";
                }
            } else {
                shaped = ProtocolReplies.forLibraryLine(line);
                if (DiagnosticSuffix.isRefusal(shaped)) {
                    shaped = DiagnosticSuffix.apply(shaped, ctx.host(), ctx.now(), sessionId);
                }
            }
            ctx.serverLine(sessionId, shaped);
            return shaped;
        }
    }
}
