package org.submitlab.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a DATA body up to the terminating {@code <CRLF>.<CRLF>}, removing dot-stuffing. Keeps at
 * most {@code keepLimit} bytes and only counts the rest, so an oversized body costs no memory.
 * Never reads past the terminator: with a mark-capable stream it reads in chunks and gives back
 * what follows the terminator (a pipelined next command).
 */
final class DataReader {

    /** The body as received: {@code kept} holds all of it unless {@code truncated}. */
    record Body(byte[] kept, long size, boolean truncated) {
    }

    private static final int CHUNK = 8192;

    private enum State { LINE_START, DOT, DOT_CR, IN_LINE, CR }

    private final long keepLimit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(4096);
    private long size;
    private State state = State.LINE_START;

    private DataReader(long keepLimit) {
        this.keepLimit = keepLimit;
    }

    /** Reads one body; EOFException when the client goes away before the terminator. */
    static Body read(InputStream in, long keepLimit) throws IOException {
        DataReader r = new DataReader(keepLimit);
        if (in.markSupported()) {
            r.readChunked(in);
        } else {
            r.readBytes(in);
        }
        return new Body(r.kept.toByteArray(), r.size, r.size > r.kept.size());
    }

    private void readChunked(InputStream in) throws IOException {
        byte[] buf = new byte[CHUNK];
        while (true) {
            in.mark(CHUNK);
            int n = in.read(buf, 0, CHUNK);
            if (n < 0) {
                throw new EOFException("connection closed during DATA");
            }
            for (int i = 0; i < n; i++) {
                if (accept(buf[i] & 0xFF)) {
                    in.reset();
                    skipFully(in, i + 1);
                    return;
                }
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
        if (kept.size() < keepLimit) {
            kept.write(b);
        }
    }
}
