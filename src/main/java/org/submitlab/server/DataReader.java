package org.submitlab.server;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.store.MessageBody;

/**
 * Reads a DATA body up to the terminating {@code <CRLF>.<CRLF>}, removing dot-stuffing. Keeps at
 * most {@code keepLimit} bytes and only counts the rest, so an oversized body costs no memory. With a
 * {@link Spool}, at most {@link #MEMORY_LIMIT} bytes stay in memory: a larger body goes to a spool file
 * (disk, not heap), and its first {@code MEMORY_LIMIT} bytes stay in memory too, for the header.
 * Never reads past the terminator: with a mark-capable stream it reads in chunks and gives back
 * what follows the terminator (a pipelined next command).
 *
 * <p>This is on every message's path, so the body goes into a plain array (not a synchronized
 * ByteArrayOutputStream) and the middle of each line, where nothing can end the body, is copied as one run.
 */
final class DataReader {

    /** Where bodies too large for memory go: a new empty file each time. */
    @FunctionalInterface
    interface Spool {
        Path newFile() throws IOException;
    }

    /** In memory at most, per body, with a spool; more than the header size limit, so the header is always here. */
    static final int MEMORY_LIMIT = 1024 * 1024;

    /**
     * The body as received.
     *
     * @param kept      the first bytes kept in memory: the whole kept body unless it was spooled
     * @param size      the body's size (dot-stuffing removed), kept or not
     * @param truncated more than the keep limit arrived; the rest was only counted
     * @param spooled   the file holding the whole kept body, or null when it is all in memory
     * @param keptSize  how many bytes were kept, in memory or in the file
     * @param lost      the spool file could not be written: the body is not all there
     */
    record Body(byte[] kept, long size, boolean truncated, Path spooled, long keptSize, boolean lost) {

        /** What the store will read: the kept bytes, from memory or the spool file. */
        MessageBody message() {
            return spooled == null ? MessageBody.of(kept) : MessageBody.spooled(spooled, keptSize);
        }

        /** Removes the spool file, if any: call once the message is stored or refused. */
        void discard() {
            deleteQuietly(spooled);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DataReader.class);
    private static final int CHUNK = 8192;
    private static final int INITIAL_CAPACITY = 4096;
    private static final int SPOOL_BUFFER = 64 * 1024;

    private enum State { LINE_START, DOT, DOT_CR, IN_LINE, CR }

    private final long keepLimit;
    private final int memoryLimit;
    private final Spool spool;
    private byte[] kept;
    private int keptLength;
    private long keptTotal;
    private long size;
    private Path spoolFile;
    private OutputStream spoolOut;
    private boolean lost;
    private State state = State.LINE_START;

    DataReader(long keepLimit) {
        this(keepLimit, null);
    }

    DataReader(long keepLimit, Spool spool) {
        this.keepLimit = Math.max(0, keepLimit);
        long inMemory = spool == null ? Math.min(this.keepLimit, Integer.MAX_VALUE - 16) : MEMORY_LIMIT;
        this.memoryLimit = (int) Math.min(this.keepLimit, inMemory);
        this.spool = spool;
        this.kept = new byte[Math.min(this.memoryLimit, INITIAL_CAPACITY)];
    }

    /** Reads one body into memory; EOFException when the client goes away before the terminator. */
    static Body read(InputStream in, long keepLimit) throws IOException {
        return new DataReader(keepLimit).readBody(in);
    }

    /** Reads one body, spooling what does not fit in memory; EOFException when the client goes away. */
    static Body read(InputStream in, long keepLimit, Spool spool) throws IOException {
        return new DataReader(keepLimit, spool).readBody(in);
    }

    /** Reads the body with this (fresh) reader. */
    Body readBody(InputStream in) throws IOException {
        try {
            if (in.markSupported()) {
                readChunked(in);
            } else {
                readBytes(in);
            }
        } catch (IOException | RuntimeException e) {
            closeSpool();
            deleteQuietly(spoolFile);
            throw e;
        }
        closeSpool();
        if (lost) {
            deleteQuietly(spoolFile);
            spoolFile = null;
        }
        byte[] body = keptLength == kept.length ? kept : Arrays.copyOf(kept, keptLength);
        return new Body(body, size, size > keptTotal, spoolFile, keptTotal, lost);
    }

    /** The capacity of the array holding the kept bytes (never more than the memory limit). */
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
        if (keptTotal < keepLimit && !lost) {
            if (keptLength < memoryLimit && spoolOut == null) {
                ensureRoom(1);
                kept[keptLength++] = (byte) b;
                keptTotal++;
            } else {
                toSpool(b);
            }
        }
    }

    private void emit(byte[] b, int off, int len) {
        size += len;
        if (lost) {
            return;
        }
        long n = Math.min(len, keepLimit - keptTotal);
        if (n <= 0) {
            return;
        }
        int inMemory = spoolOut == null ? (int) Math.min(n, memoryLimit - keptLength) : 0;
        if (inMemory > 0) {
            ensureRoom(inMemory);
            System.arraycopy(b, off, kept, keptLength, inMemory);
            keptLength += inMemory;
            keptTotal += inMemory;
        }
        if (n > inMemory) {
            toSpool(b, off + inMemory, (int) (n - inMemory));
        }
    }

    /** Writes past the memory limit to the spool file (opened with the bytes in memory on first use). */
    private void toSpool(byte[] b, int off, int len) {
        if (openSpool()) {
            try {
                spoolOut.write(b, off, len);
                keptTotal += len;
            } catch (IOException e) {
                spoolFailed(e);
            }
        }
    }

    private void toSpool(int b) {
        if (openSpool()) {
            try {
                spoolOut.write(b);
                keptTotal++;
            } catch (IOException e) {
                spoolFailed(e);
            }
        }
    }

    /** Whether there is a spool file to write to (opening it, with the bytes in memory, on first use). */
    private boolean openSpool() {
        if (spoolOut != null) {
            return true;
        }
        if (spool == null) {
            return false; // memory only, and the memory limit is the keep limit: nothing more to keep
        }
        try {
            spoolFile = spool.newFile();
            spoolOut = new BufferedOutputStream(Files.newOutputStream(spoolFile), SPOOL_BUFFER);
            spoolOut.write(kept, 0, keptLength);
            return true;
        } catch (IOException | RuntimeException e) {
            spoolFailed(e);
            return false;
        }
    }

    private void spoolFailed(Exception e) {
        LOG.warn("A message body could not be spooled to {}: {}", spoolFile, e.toString());
        lost = true;
        closeSpool();
    }

    private void closeSpool() {
        if (spoolOut == null) {
            return;
        }
        OutputStream out = spoolOut;
        spoolOut = null;
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("A message body could not be spooled to {}: {}", spoolFile, e.toString());
            lost = true;
        }
    }

    /** Grows the array for {@code n} more bytes (callers never go beyond the memory limit). */
    private void ensureRoom(int n) {
        int needed = keptLength + n;
        if (needed > kept.length) {
            int grown = (int) Math.min(memoryLimit, Math.max(needed, 2L * kept.length));
            kept = Arrays.copyOf(kept, grown);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove the spool file {}: {}", file, e.toString());
        }
    }
}
