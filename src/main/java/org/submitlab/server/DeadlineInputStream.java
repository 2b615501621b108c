package org.submitlab.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A connection's input (the TCP stream, later the TLS one) that lets no read block past the connection's
 * nearest deadline: before each read it sets the socket's SO_TIMEOUT from {@link ConnectionDeadlines}, and a
 * timeout becomes the SocketTimeoutException the library answers with its 421 (which the line shaper turns
 * into the deadline's own 421 4.4.2 line). A connection shed to make room ends the same way.
 */
final class DeadlineInputStream extends FilterInputStream {

    /** Sets SO_TIMEOUT on the socket this stream reads. */
    @FunctionalInterface
    interface Timeout {
        void set(int millis) throws SocketException;
    }

    private final ConnectionDeadlines deadlines;
    private final Timeout timeout;
    private final Runnable onClose;
    private int current = -1;

    DeadlineInputStream(InputStream in, ConnectionDeadlines deadlines, Timeout timeout, Runnable onClose) {
        super(in);
        this.deadlines = deadlines;
        this.timeout = timeout;
        this.onClose = onClose;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int millis = deadlines.beforeRead(System.nanoTime());
        if (millis != current) {
            timeout.set(millis);
            current = millis;
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw deadlines.timedOut(System.nanoTime());
        } catch (IOException e) {
            if (deadlines.shedRequested()) {
                throw deadlines.expired(Deadline.SHED);
            }
            throw e;
        }
        if (n < 0 && deadlines.shedRequested()) {
            throw deadlines.expired(Deadline.SHED);
        }
        deadlines.afterRead(b, off, n, System.nanoTime());
        return n;
    }

    /** Skips by reading, so skipping is watched like any read. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int r = read(scratch, 0, scratch.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Closing the stream closes the connection (the library closes streams, then the socket). */
    @Override
    public void close() {
        onClose.run();
    }
}
