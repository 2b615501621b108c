package org.submitlab.server;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.Session;
import org.submitlab.events.LabEvent;
import org.submitlab.policy.Replies;

/**
 * STARTTLS: replies 220, then layers TLS over the TCP socket underneath the reply-shaping socket,
 * so replies keep their shape and transcript after the upgrade. The session forgets EHLO (RFC 3207).
 * The ClientHello's version decides who does the handshake: TLS 1.2 and 1.3 go to the JVM's TLS; 1.0 and 1.1
 * go to the {@link LegacyTlsAcceptor}, and on the standard endpoint (unless the tenant allows legacy TLS
 * clients) the next command gets 421 4.7.66.
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
        try {
            ctx.tls.ready();
        } catch (IOException e) {
            LOG.warn("STARTTLS from {} refused: the server's TLS certificate cannot be used: {}", st.clientText(),
                    e.getMessage());
            ctx.clientLine(st, "<the server's TLS certificate cannot be used: " + e.getMessage() + ">");
            ctx.reply(session, st, Replies.TLS_UNAVAILABLE);
            return;
        }
        ctx.reply(session, st, Replies.STARTTLS_READY);
        ReplyShapingSocket socket = st.socket;
        Socket upgraded;
        String protocol;
        String suite;
        ClientHello hello;
        try {
            socket.limitHandshake();
            hello = ClientHello.peek(socket.delegate().getInputStream());
            if (hello.legacy() && ctx.legacyTls != null) {
                LegacyTlsAcceptor.Accepted a = ctx.legacyTls.accept(socket.delegate(), hello.bytes());
                upgraded = a.socket();
                protocol = a.protocol();
                suite = a.cipherSuite();
            } else {
                if (hello.legacy()) {
                    // No TLS 1.0/1.1 here: the JVM's TLS refuses the handshake (a protocol_version alert).
                    ctx.clientLine(st, "<TLS handshake: the client offers " + ClientHello.name(hello.clientVersion())
                            + " only; this server cannot complete TLS 1.0/1.1 handshakes, Exchange would answer the "
                            + "next command with " + Replies.code(Replies.LEGACY_TLS_NOT_SUPPORTED) + " 4.7.66>");
                }
                SSLSocket tlsSocket = ctx.tls.createSSLSocket(socket.delegate(), hello.bytes());
                tlsSocket.startHandshake();
                upgraded = tlsSocket;
                protocol = tlsSocket.getSession().getProtocol();
                suite = tlsSocket.getSession().getCipherSuite();
            }
        } catch (IOException e) {
            LOG.debug("TLS handshake with {} failed: {}", st.clientText(), e.toString());
            session.quit();
            return;
        }
        socket.upgrade(upgraded);
        session.setSocket(socket);
        session.setTlsStarted(true);
        st.tls = true;
        st.tlsProtocol = protocol;
        st.greeted = false;
        ctx.publish(new LabEvent.TlsStarted(ctx.now(), st.id, protocol, suite));
        ctx.clientLine(st, "<TLS handshake: " + protocol + ", " + suite + ">");
        if (hello.legacy() && !ctx.legacyTlsAllowed()) {
            refuseLegacy(session, st);
        }
    }

    /**
     * Exchange's standard endpoint completes a TLS 1.0/1.1 handshake, then answers the client's next command,
     * whatever it is, with 421 4.7.66 and closes: AUTH is never offered nor accepted over it.
     */
    private void refuseLegacy(Session session, SessionState st) throws IOException {
        String next = session.getReader().readLine();
        if (next == null) {
            session.quit();
            return;
        }
        ctx.clientLine(st, AuthTranscript.command(next));
        ctx.reply(session, st, Replies.LEGACY_TLS_NOT_SUPPORTED);
        session.quit();
    }
}
