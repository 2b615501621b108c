package org.submitlab.server;

import java.io.IOException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.Replies;

/**
 * STARTTLS: replies 220, then layers TLS over the TCP socket underneath the reply-shaping socket,
 * so replies keep their shape and transcript after the upgrade. The session forgets EHLO (RFC 3207).
 */
final class StartTlsCommand extends SmtpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(StartTlsCommand.class);

    StartTlsCommand(ServerContext ctx) {
        super("STARTTLS", ctx);
    }

    @Override
    void handle(String line, Session session, SessionState st) throws IOException {
        if (st.tls) {
            ctx.reply(session, st, ProtocolReplies.TLS_ALREADY_ACTIVE);
            return;
        }
        if (!argument(line).isEmpty()) {
            ctx.reply(session, st, ProtocolReplies.INVALID_ARGUMENTS);
            return;
        }
        if (session.getRawInput().available() > 0) {
            // Whatever came after STARTTLS was sent in clear before our 220: it must not be read as if it
            // came over TLS, and the handshake would wait behind it.
            ctx.reply(session, st, Replies.STARTTLS_PIPELINED);
            return;
        }
        ctx.reply(session, st, Replies.STARTTLS_READY);
        ReplyShapingSocket socket = st.socket;
        SSLSocket tlsSocket;
        try {
            socket.limitHandshake();
            tlsSocket = ctx.tls.createSSLSocket(socket.delegate());
            tlsSocket.startHandshake();
        } catch (IOException e) {
            LOG.debug("TLS handshake with {} failed: {}", st.clientText(), e.toString());
            session.quit();
            return;
        }
        socket.upgrade(tlsSocket);
        session.setSocket(socket);
        session.setTlsStarted(true);
        st.tls = true;
        st.greeted = false;
        ctx.publish(new LabEvent.TlsStarted(ctx.now(), st.id, tlsSocket.getSession().getProtocol(),
                tlsSocket.getSession().getCipherSuite()));
    }
}
