package org.submitlab.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.policy.EndpointKind;

/**
 * The transactions the devices saw accepted, for the run's closing checks, appended to a file as they happen
 * instead of kept in memory: a run at 3,600× accepts over 400,000 an hour, and held as objects they were the
 * part of a long run's heap that kept growing (docs/benchmarks.md, "Console memory"). They are written in chunks;
 * a chunk that cannot be written is cut off the file again and kept in memory with everything after it, so none
 * is lost or counted twice. Guarded by itself.
 */
final class AcceptedLedger {

    private static final Logger LOG = LoggerFactory.getLogger(AcceptedLedger.class);
    private static final String FIELD = "\t";
    private static final int CHUNK = 512;

    /** The file; null for a temporary one until the first chunk is written. */
    private Path file;
    private final boolean temporary;
    private FileChannel channel;
    /** The file was made: it holds every transaction written before a failure, if any. */
    private boolean opened;
    private boolean failed;
    private final List<AcceptedSubmission> pending = new ArrayList<>();
    private final List<AcceptedSubmission> unwritten = new ArrayList<>();

    AcceptedLedger(Path file) {
        this.file = file;
        this.temporary = false;
    }

    private AcceptedLedger() {
        this.file = null;
        this.temporary = true;
    }

    /**
     * A ledger in a temporary file, made when the first chunk is written and removed when the JVM exits (engines
     * made without a run folder).
     */
    static AcceptedLedger temporary() {
        return new AcceptedLedger();
    }

    synchronized void add(AcceptedSubmission a) {
        if (failed) {
            unwritten.add(a);
            return;
        }
        pending.add(a);
        if (pending.size() >= CHUNK) {
            writePending();
        }
    }

    /** Every transaction added, in order. */
    synchronized List<AcceptedSubmission> all() {
        writePending();
        List<AcceptedSubmission> all = new ArrayList<>();
        if (opened) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null;) {
                    all.add(parse(line));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the accepted transactions in " + file + ": "
                        + e.getMessage(), e);
            }
        }
        all.addAll(pending);
        all.addAll(unwritten);
        return all;
    }

    /** No more transactions come: what is pending is written and the file closed (it can still be read). */
    synchronized void close() {
        writePending();
        closeChannel();
    }

    /** Removes the file, once the checks that needed it are made. */
    synchronized void delete() {
        closeChannel();
        pending.clear();
        unwritten.clear();
        if (opened) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", file, e.toString());
            }
        }
        opened = false;
        failed = true; // nothing is written any more
    }

    private void writePending() {
        if (pending.isEmpty() || failed) {
            return;
        }
        long before = -1;
        try {
            if (file == null && temporary) {
                file = Files.createTempFile("submitlab-accepted-", ".log");
                file.toFile().deleteOnExit();
            }
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        opened ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                opened = true;
            }
            before = channel.size();
            StringBuilder lines = new StringBuilder(pending.size() * 100);
            for (AcceptedSubmission a : pending) {
                lines.append(a.mailbox()).append(FIELD).append(a.messageId()).append(FIELD).append(a.endpoint().name());
                for (String r : a.envelope()) {
                    lines.append(FIELD).append(r);
                }
                lines.append('\n');
            }
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(lines.toString());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            pending.clear();
        } catch (IOException e) {
            LOG.warn("cannot write {} ({}): the accepted transactions from here on are kept in memory", file,
                    e.toString());
            if (before >= 0) {
                try {
                    channel.truncate(before);
                } catch (IOException again) {
                    LOG.warn("cannot cut {} back: {}", file, again.toString());
                }
            }
            closeChannel();
            failed = true;
            unwritten.addAll(pending);
            pending.clear();
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("cannot close {}: {}", file, e.toString());
            }
            channel = null;
        }
    }

    private static AcceptedSubmission parse(String line) {
        List<String> f = Arrays.asList(line.split(FIELD, -1));
        return new AcceptedSubmission(f.get(0), f.get(1), f.subList(3, f.size()), EndpointKind.valueOf(f.get(2)));
    }
}
