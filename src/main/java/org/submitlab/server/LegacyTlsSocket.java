package org.submitlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import org.bouncycastle.tls.TlsProtocol;

/**
 * A connection after a TLS 1.0/1.1 handshake done by {@link BouncyCastleLegacyTls}: its streams are the TLS
 * protocol's (application data), everything else (timeouts, addresses, shutting input) goes to the TCP socket
 * underneath. What is delegated is what {@link ReplyShapingSocket} passes on: the session never sees this
 * socket directly. A read that times out leaves the TLS connection usable (BouncyCastle keeps it after an
 * InterruptedIOException once the handshake is done), so a deadline's 421 still reaches the client.
 */
final class LegacyTlsSocket extends Socket {

    private final Socket tcp;
    private final TlsProtocol protocol;

    LegacyTlsSocket(Socket tcp, TlsProtocol protocol) throws SocketException {
        super((SocketImpl) null);
        this.tcp = tcp;
        this.protocol = protocol;
    }

    @Override
    public InputStream getInputStream() {
        return protocol.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
        return protocol.getOutputStream();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        tcp.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return tcp.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        tcp.setTcpNoDelay(on);
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return tcp.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return tcp.getLocalSocketAddress();
    }

    @Override
    public InetAddress getInetAddress() {
        return tcp.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return tcp.getLocalAddress();
    }

    @Override
    public int getPort() {
        return tcp.getPort();
    }

    @Override
    public int getLocalPort() {
        return tcp.getLocalPort();
    }

    @Override
    public boolean isConnected() {
        return tcp.isConnected();
    }

    @Override
    public boolean isBound() {
        return tcp.isBound();
    }

    @Override
    public boolean isClosed() {
        return protocol.isClosed() || tcp.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return tcp.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return protocol.isClosed() || tcp.isOutputShutdown();
    }

    @Override
    public void shutdownInput() throws IOException {
        tcp.shutdownInput();
    }

    /** TLS here has no half-close: our close_notify, then the connection closes (as {@link #close()}). */
    @Override
    public void shutdownOutput() throws IOException {
        close();
    }

    /** Sends close_notify without waiting for the client's, then closes the TCP socket. */
    @Override
    public void close() throws IOException {
        try {
            protocol.close();
        } catch (IOException | RuntimeException e) {
            // the client is gone already; closing TCP below is all that is left
        } finally {
            tcp.close();
        }
    }

    @Override
    public String toString() {
        return "LegacyTlsSocket[" + tcp + "]";
    }
}
