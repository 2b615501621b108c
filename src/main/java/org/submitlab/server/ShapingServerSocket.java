package org.submitlab.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.submitlab.policy.ConnectionLimits;

/**
 * A server socket whose accepted connections are {@link ReplyShapingSocket}s (SubEthaSMTP binds it), each
 * with its deadlines running from the moment it was accepted, and a line shaper for what the library may
 * say before the session's own shaper is attached (its "421 Too many connections" when its cap is hit).
 */
final class ShapingServerSocket extends ServerSocket {

    private final Supplier<ConnectionLimits> limits;
    private final Supplier<UnaryOperator<String>> beforeSession;

    ShapingServerSocket(Supplier<ConnectionLimits> limits, Supplier<UnaryOperator<String>> beforeSession)
            throws IOException {
        super();
        this.limits = limits;
        this.beforeSession = beforeSession;
    }

    @Override
    public Socket accept() throws IOException {
        Socket raw = super.accept();
        raw.setTcpNoDelay(true);
        ReplyShapingSocket socket = new ReplyShapingSocket(raw, new ConnectionDeadlines(limits, System.nanoTime()));
        socket.shaper().attach(beforeSession.get());
        return socket;
    }
}
