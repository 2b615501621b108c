package org.submitlab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;

/**
 * The socket SubEthaSMTP's session talks through. It delegates to the real socket (the TCP socket,
 * then the TLS socket after STARTTLS) and passes every reply line through a {@link ReplyLineOutputStream},
 * which is how the library's fixed lines (the banner, its 421 and 500 lines) get Exchange's shape, and
 * how every reply reaches the transcript. Only the methods the library and this server use are
 * delegated; the rest are not meant to be called.
 */
final class ReplyShapingSocket extends Socket {

    private final Socket tcp;
    private final ConnectionDeadlines deadlines;
    private volatile Socket delegate;
    private volatile ReplyLineOutputStream out;
    private volatile InputStream in;
    private final ReplyLineOutputStream.Shaper shaper = new ReplyLineOutputStream.Shaper();
    private final AtomicBoolean closed = new AtomicBoolean();

    ReplyShapingSocket(Socket tcp, ConnectionDeadlines deadlines) throws SocketException {
        super((java.net.SocketImpl) null);
        this.tcp = tcp;
        this.deadlines = deadlines;
        this.delegate = tcp;
    }

    ConnectionDeadlines deadlines() {
        return deadlines;
    }

    /**
     * Wakes the session thread blocked in a read of this connection (it then ends with its deadline's
     * reply): the read side of the TCP socket is shut, the write side stays open for that reply.
     */
    void interruptRead() {
        try {
            tcp.shutdownInput();
        } catch (IOException | RuntimeException e) {
            // already closed: nothing to wake
        }
    }

    /** For the TLS handshake, which reads the TCP socket itself: how long each of its reads may block. */
    void limitHandshake() throws SocketException {
        tcp.setSoTimeout(deadlines.handshakeTimeout(System.nanoTime()));
    }

    /** The real socket underneath (the TCP socket before STARTTLS). */
    Socket delegate() {
        return delegate;
    }

    ReplyLineOutputStream.Shaper shaper() {
        return shaper;
    }

    /** Switches to the TLS socket layered over the current one; reply lines go through it from now on. */
    void upgrade(Socket tlsSocket) {
        this.delegate = tlsSocket;
        this.out = null;
        this.in = null;
    }

    /** Every read is watched by the connection's deadlines; closing the stream closes this socket. */
    @Override
    public InputStream getInputStream() throws IOException {
        InputStream i = in;
        if (i == null) {
            Socket d = delegate;
            i = new DeadlineInputStream(d.getInputStream(), deadlines, d::setSoTimeout, this::closeQuietly);
            in = i;
        }
        return i;
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // the client is gone already
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        ReplyLineOutputStream o = out;
        if (o == null) {
            o = new ReplyLineOutputStream(delegate.getOutputStream(), shaper, this::close);
            out = o;
        }
        return o;
    }

    /** The idle timeout the library and the commands ask for; each read applies it with the deadlines. */
    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        deadlines.idleTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return delegate.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        delegate.setTcpNoDelay(on);
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return delegate.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return delegate.getLocalSocketAddress();
    }

    @Override
    public InetAddress getInetAddress() {
        return delegate.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return delegate.getLocalAddress();
    }

    @Override
    public int getPort() {
        return delegate.getPort();
    }

    @Override
    public int getLocalPort() {
        return delegate.getLocalPort();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public boolean isBound() {
        return delegate.isBound();
    }

    @Override
    public boolean isClosed() {
        return closed.get() || delegate.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return delegate.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return delegate.isOutputShutdown();
    }

    @Override
    public void shutdownInput() throws IOException {
        delegate.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        delegate.shutdownOutput();
    }

    /**
     * Closes without waiting for the client: the JDK's SSLSocket.close() reads on until the peer's
     * close_notify (or the idle timeout), which would hold a session thread after QUIT. So TLS only
     * gets a half-close (our close_notify) and then the TCP socket is closed.
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Socket current = delegate;
        try {
            if (current instanceof SSLSocket tls && !tls.isClosed()) {
                tls.shutdownOutput();
            } else if (current != tcp) {
                current.close(); // a legacy TLS socket: its close_notify, without waiting for the client's
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone already; closing TCP below is all that is left
        } finally {
            tcp.close();
        }
    }

    @Override
    public String toString() {
        return "ReplyShapingSocket[" + delegate + "]";
    }
}
