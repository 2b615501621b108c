package org.submitlab.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** A server socket whose accepted connections are {@link ReplyShapingSocket}s (SubEthaSMTP binds it). */
final class ShapingServerSocket extends ServerSocket {

    ShapingServerSocket() throws IOException {
        super();
    }

    @Override
    public Socket accept() throws IOException {
        Socket raw = super.accept();
        raw.setTcpNoDelay(true);
        return new ReplyShapingSocket(raw);
    }
}
