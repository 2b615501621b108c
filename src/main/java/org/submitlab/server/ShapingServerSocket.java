package org.submitlab.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Supplier;
import org.submitlab.policy.ConnectionLimits;

/**
 * A server socket whose accepted connections are {@link ReplyShapingSocket}s (SubEthaSMTP binds it), each
 * with its deadlines running from the moment it was accepted.
 */
final class ShapingServerSocket extends ServerSocket {

    private final Supplier<ConnectionLimits> limits;

    ShapingServerSocket(Supplier<ConnectionLimits> limits) throws IOException {
        super();
        this.limits = limits;
    }

    @Override
    public Socket accept() throws IOException {
        Socket raw = super.accept();
        raw.setTcpNoDelay(true);
        return new ReplyShapingSocket(raw, new ConnectionDeadlines(limits, System.nanoTime()));
    }
}
