package org.submitlab.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.subethamail.smtp.internal.io.Utf8InputStreamReader;

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
    private boolean invalidNext;

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
        if (invalidNext) {
            throw new Utf8InputStreamReader.InvalidUTF8EncodingException("0xFF is never part of UTF-8");
        }
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
        n = stopAtInvalidByte(b, off, n);
        deadlines.afterRead(b, off, n, System.nanoTime());
        return n;
    }

    /**
     * SubEthaSMTP's UTF-8 reader takes a 0xFF after a multi-byte lead for the end of the stream and answers
     * "421 4.4.0 Problem attempting to execute commands" with a logged stack trace. 0xFF is never UTF-8, so
     * in command lines the bytes before it are passed on and the read after them fails as the invalid
     * encoding it is (the library answers its 501).
     */
    private int stopAtInvalidByte(byte[] b, int off, int n) throws IOException {
        if (n <= 0 || deadlines.inData()) {
            return n;
        }
        for (int i = off; i < off + n; i++) {
            if (b[i] == (byte) 0xFF) {
                invalidNext = true;
                if (i == off) {
                    throw new Utf8InputStreamReader.InvalidUTF8EncodingException("0xFF is never part of UTF-8");
                }
                return i - off;
            }
        }
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
