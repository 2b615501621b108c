package org.submitlab.app;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
    private static final int HISTORY_BUFFER = 20_000;

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

    private void read(Path file, long max, Instant since) throws InterruptedException {
        long n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(java.nio.file.Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while (n < max && open.get() && (line = in.readLine()) != null) {
                n++;
                LabEvent e;
                try {
                    e = JournalCodec.decode(line);
                } catch (IOException bad) {
                    LOG.debug("skipping an unreadable journal line in {}: {}", file, bad.toString());
                    continue;
                }
                if (!e.time().isBefore(since)) {
                    history.put(e);
                    historyRead.increment();
                }
            }
        } catch (EOFException | NoSuchFileException e) {
            // a segment cut short by a crash, or deleted by retention meanwhile: keep what was read
        } catch (IOException e) {
            LOG.warn("cannot read the event journal {}: {}", file, e.toString());
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
