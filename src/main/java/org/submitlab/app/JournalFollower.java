package org.submitlab.app;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.concurrent.NamedThreads;
import org.submitlab.events.EventSource;
import org.submitlab.events.LabEvent;

/**
 * One reader of a journal: its history first (read on a thread of its own into a small queue, so
 * memory stays bounded however long the history), then the live events the journal hands it.
 */
public final class JournalFollower implements EventSource {

    private static final Logger LOG = LoggerFactory.getLogger(JournalFollower.class);
    private static final int HISTORY_BUFFER = 100_000;

    private final BlockingQueue<LabEvent> history = new ArrayBlockingQueue<>(HISTORY_BUFFER);
    private final BlockingQueue<LabEvent> live;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder historyRead = new LongAdder();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Consumer<JournalFollower> onClose;
    private final Thread reader;
    private volatile boolean historyDone;

    JournalFollower(List<Path> complete, Path partial, long partialEvents, Instant since, int liveCapacity,
            Consumer<JournalFollower> onClose) {
        this.live = new ArrayBlockingQueue<>(Math.max(1, liveCapacity));
        this.onClose = onClose;
        this.reader = new NamedThreads("submitlab-journal-reader").newThread(() -> {
            try {
                for (Path file : complete) {
                    read(file, Long.MAX_VALUE, since);
                }
                if (partial != null && partialEvents > 0) {
                    read(partial, partialEvents, since);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                historyDone = true;
            }
        });
        reader.start();
    }

    /**
     * Reads up to {@code max} lines of a segment. Bytes are split into lines by hand: a segment still
     * being written (or cut short by a crash) ends without its gzip trailer, and a reader that reads
     * ahead of the last complete line (InputStreamReader does) fails before handing out what it decoded.
     */
    private void read(Path file, long max, Instant since) throws InterruptedException {
        long n = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int got;
            while (n < max && open.get() && (got = readSome(in, buf)) > 0) {
                for (int i = 0; i < got && n < max; i++) {
                    if (buf[i] != '\n') {
                        line.write(buf[i]);
                        continue;
                    }
                    n++;
                    offerHistory(file, line.toString(StandardCharsets.UTF_8), since);
                    line.reset();
                }
            }
        } catch (EOFException | NoSuchFileException e) {
            // a segment deleted by retention meanwhile, or one whose start was never flushed
        } catch (IOException e) {
            LOG.warn("cannot read the event journal {}: {}", file, e.toString());
        }
    }

    /** Bytes read, or -1 at the end of what can be decoded. */
    private static int readSome(InputStream in, byte[] buf) throws IOException {
        try {
            return in.read(buf);
        } catch (EOFException cutShort) {
            return -1;
        }
    }

    private void offerHistory(Path file, String line, Instant since) throws InterruptedException {
        LabEvent e;
        try {
            e = JournalCodec.decode(line);
        } catch (IOException bad) {
            LOG.debug("skipping an unreadable journal line in {}: {}", file, bad.toString());
            return;
        }
        if (!e.time().isBefore(since)) {
            history.put(e);
            historyRead.increment();
        }
    }

    void offerLive(LabEvent e) {
        if (!live.offer(e)) {
            dropped.increment();
        }
    }

    @Override
    public int drainTo(Collection<? super LabEvent> target, int max) {
        boolean done = historyDone;
        int n = history.drainTo(target, max);
        if (done && n < max) {
            n += live.drainTo(target, max - n);
        }
        return n;
    }

    @Override
    public boolean catchingUp() {
        return replaying();
    }

    /** Whether history is still being read (the console says "loading"). */
    public boolean replaying() {
        return !historyDone || !history.isEmpty();
    }

    /** History events read so far. */
    public long historyRead() {
        return historyRead.sum();
    }

    @Override
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            reader.interrupt();
            onClose.accept(this);
        }
    }
}
