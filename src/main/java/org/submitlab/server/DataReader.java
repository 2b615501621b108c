package org.submitlab.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a DATA body up to the terminating {@code <CRLF>.<CRLF>}, removing dot-stuffing. Keeps at
 * most {@code keepLimit} bytes and only counts the rest, so an oversized body costs no memory.
 * Never reads past the terminator: with a mark-capable stream it reads in chunks and gives back
 * what follows the terminator (a pipelined next command).
 *
 * <p>This is on every message's path, so the body goes into a plain array (not a synchronized
 * ByteArrayOutputStream) and the middle of each line, where nothing can end the body, is copied as one run.
 */
final class DataReader {

    /** The body as received: {@code kept} holds all of it unless {@code truncated}. */
    record Body(byte[] kept, long size, boolean truncated) {
    }

    private static final int CHUNK = 8192;
    private static final int INITIAL_CAPACITY = 4096;

    private enum State { LINE_START, DOT, DOT_CR, IN_LINE, CR }

    private final int keepLimit;
    private byte[] kept;
    private int keptLength;
    private long size;
    private State state = State.LINE_START;

    DataReader(long keepLimit) {
        this.keepLimit = (int) Math.max(0, Math.min(keepLimit, Integer.MAX_VALUE - 16));
        this.kept = new byte[Math.min(this.keepLimit, INITIAL_CAPACITY)];
    }

    /** Reads one body; EOFException when the client goes away before the terminator. */
    static Body read(InputStream in, long keepLimit) throws IOException {
        return new DataReader(keepLimit).readBody(in);
    }

    /** Reads the body with this (fresh) reader. */
    Body readBody(InputStream in) throws IOException {
        if (in.markSupported()) {
            readChunked(in);
        } else {
            readBytes(in);
        }
        byte[] body = keptLength == kept.length ? kept : Arrays.copyOf(kept, keptLength);
        return new Body(body, size, size > keptLength);
    }

    /** The capacity of the array holding the kept bytes (never more than the keep limit). */
    int capacity() {
        return kept.length;
    }

    private void readChunked(InputStream in) throws IOException {
        byte[] buf = new byte[CHUNK];
        while (true) {
            in.mark(CHUNK);
            int n = in.read(buf, 0, CHUNK);
            if (n < 0) {
                throw new EOFException("connection closed during DATA");
            }
            int end = scan(buf, n);
            if (end >= 0) {
                in.reset();
                skipFully(in, end);
                return;
            }
        }
    }

    private void readBytes(InputStream in) throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during DATA");
            }
            if (accept(b)) {
                return;
            }
        }
    }

    /**
     * Takes {@code buf[0..n)}; returns how many of those bytes the body used when they completed the
     * terminator, or -1 when the body goes on.
     */
    private int scan(byte[] buf, int n) {
        int i = 0;
        while (i < n) {
            if (state == State.IN_LINE) {
                // Only a CR can change anything in the middle of a line (a bare LF does not end it).
                int start = i;
                while (i < n && buf[i] != '\r') {
                    i++;
                }
                emit(buf, start, i - start);
                if (i == n) {
                    return -1;
                }
                emit('\r');
                state = State.CR;
                i++;
            } else if (accept(buf[i++] & 0xFF)) {
                return i;
            }
        }
        return -1;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed during DATA");
                }
                s = 1;
            }
            left -= s;
        }
    }

    /** Takes one byte; true when it completed the terminator. */
    private boolean accept(int b) {
        switch (state) {
            case LINE_START -> {
                if (b == '.') {
                    state = State.DOT;
                } else {
                    emitInLine(b);
                }
            }
            case DOT -> {
                if (b == '\r') {
                    state = State.DOT_CR;
                } else {
                    emitInLine(b); // a stuffed dot: dropped
                }
            }
            case DOT_CR -> {
                if (b == '\n') {
                    return true;
                }
                emit('\r');
                emitInLine(b);
            }
            case IN_LINE -> emitInLine(b);
            case CR -> {
                emit(b);
                state = b == '\n' ? State.LINE_START : b == '\r' ? State.CR : State.IN_LINE;
            }
            default -> throw new IllegalStateException();
        }
        return false;
    }

    private void emitInLine(int b) {
        emit(b);
        state = b == '\r' ? State.CR : State.IN_LINE;
    }

    private void emit(int b) {
        size++;
        if (keptLength < keepLimit) {
            ensureRoom(1);
            kept[keptLength++] = (byte) b;
        }
    }

    private void emit(byte[] b, int off, int len) {
        size += len;
        int n = Math.min(len, keepLimit - keptLength);
        if (n > 0) {
            ensureRoom(n);
            System.arraycopy(b, off, kept, keptLength, n);
            keptLength += n;
        }
    }

    /** Grows the array for {@code n} more bytes (callers never go beyond the keep limit). */
    private void ensureRoom(int n) {
        int needed = keptLength + n;
        if (needed > kept.length) {
            int grown = (int) Math.min(keepLimit, Math.max(needed, 2L * kept.length));
            kept = Arrays.copyOf(kept, grown);
        }
    }
}
