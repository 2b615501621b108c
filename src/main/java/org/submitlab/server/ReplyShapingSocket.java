package org.submitlab.server;

import java.io.FilterInputStream;
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
    private volatile Socket delegate;
    private volatile ReplyLineOutputStream out;
    private volatile InputStream in;
    private final ReplyLineOutputStream.Shaper shaper = new ReplyLineOutputStream.Shaper();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The timeout last set on {@link #delegate} through this socket; -1 when unknown. */
    private volatile int soTimeout = -1;

    ReplyShapingSocket(Socket tcp) throws SocketException {
        super((java.net.SocketImpl) null);
        this.tcp = tcp;
        this.delegate = tcp;
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
        this.soTimeout = -1;
    }

    /** Closing the stream closes this socket (the library closes streams, then the socket). */
    @Override
    public InputStream getInputStream() throws IOException {
        InputStream i = in;
        if (i == null) {
            i = new FilterInputStream(delegate.getInputStream()) {
                @Override
                public void close() throws IOException {
                    ReplyShapingSocket.this.close();
                }
            };
            in = i;
        }
        return i;
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

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        // Set before every command; the real socket is only touched when the value changes.
        if (timeout != soTimeout) {
            delegate.setSoTimeout(timeout);
            soTimeout = timeout;
        }
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
