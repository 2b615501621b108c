package org.submitlab.app;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.concurrent.NamedThreads;
import org.submitlab.events.EventBus;
import org.submitlab.events.LabEvent;
import org.submitlab.events.Subscription;

/**
 * A world's event history on disk: every event its bus published, in order, as gzip'd JSON lines in
 * {@code journal/events-NNNNNN.jsonl.gz}. One writer thread drains the bus (publishers never wait
 * for it) and flushes after each batch, so a reader can always decode what was written. Readers
 * {@link #follow} the history and then the live events, with no gap and no duplicate.
 */
public final class EventJournal implements AutoCloseable {

    /**
     * How much history a world keeps.
     *
     * @param segmentBytes     a new segment starts past this many uncompressed bytes
     * @param maxSegments      the oldest segments are deleted beyond this many
     * @param transcriptBytes  transcript lines stop being kept past this many bytes (other events always are)
     */
    public record Retention(long segmentBytes, int maxSegments, long transcriptBytes) {
        /** Live: real devices, real time, for ever: the latest 4 × 32 MB. */
        public static Retention live() {
            return new Retention(32L << 20, 4, Long.MAX_VALUE);
        }

        /** A run: its whole history, transcripts up to 256 MB. */
        public static Retention run() {
            return new Retention(64L << 20, Integer.MAX_VALUE, 256L << 20);
        }
    }

    static final String FOLDER = "journal";
    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);
    private static final int INPUT_CAPACITY = 200_000;
    private static final int BATCH = 4_096;

    private final Path folder;
    private final Retention retention;
    private final Subscription input;
    private final Thread writer;
    private final Object lock = new Object();
    private final List<JournalFollower> followers = new CopyOnWriteArrayList<>();
    private final List<LabEvent> batch = new ArrayList<>(BATCH);
    private volatile boolean closing;

    // under lock
    private final List<Path> closedSegments = new ArrayList<>();
    private Path current;
    private OutputStream out;
    private long currentEvents;
    private long currentBytes;
    private long transcriptBytes;
    private long skippedTranscripts;
    private long written;
    private int nextSegment;

    private EventJournal(Path worldFolder, EventBus bus, Retention retention) throws IOException {
        this.folder = worldFolder.resolve(FOLDER);
        this.retention = retention;
        Files.createDirectories(folder);
        closedSegments.addAll(segments(folder));
        nextSegment = closedSegments.isEmpty() ? 1 : number(closedSegments.get(closedSegments.size() - 1)) + 1;
        startSegment();
        this.input = bus.subscribe("journal", INPUT_CAPACITY);
        this.writer = new NamedThreads("submitlab-journal").newThread(this::writeLoop);
        writer.start();
    }

    /** Starts recording {@code bus} into {@code worldFolder/journal}, after what is there already. */
    public static EventJournal record(Path worldFolder, EventBus bus, Retention retention) {
        try {
            return new EventJournal(worldFolder, bus, retention);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the event journal in " + worldFolder + ": " + e.getMessage(), e);
        }
    }

    /** The recorded history of a world nobody records any more (a finished run), events at or after {@code since}. */
    public static JournalFollower history(Path worldFolder, Instant since) {
        List<Path> files = segments(worldFolder.resolve(FOLDER));
        return new JournalFollower(files, null, 0, since, 1, f -> { });
    }

    /**
     * Every recorded event at or after {@code since}, then every new one as it is written. The
     * history is read on a thread of the follower's own; live events wait in a bounded queue of
     * {@code liveCapacity} (beyond it they are dropped and counted).
     */
    public JournalFollower follow(Instant since, int liveCapacity) {
        synchronized (lock) {
            flush();
            JournalFollower f = new JournalFollower(List.copyOf(closedSegments), current, currentEvents, since,
                    liveCapacity, followers::remove);
            followers.add(f);
            return f;
        }
    }

    /** Events written so far by this journal (not counting what earlier processes wrote). */
    public long written() {
        synchronized (lock) {
            return written;
        }
    }

    /** Transcript lines not kept because the run's transcript budget was used up. */
    public long skippedTranscripts() {
        synchronized (lock) {
            return skippedTranscripts;
        }
    }

    /** Events the journal could not keep up with (its input queue was full). */
    public long dropped() {
        return input.dropped();
    }

    /**
     * Writes what is still queued, closes the segment and stops; followers keep what they have.
     * Call after the world's publishers have stopped, so the history is complete.
     */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        input.close();
        synchronized (lock) {
            closeSegment();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                LabEvent first = input.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                input.drainTo(batch, BATCH - 1);
                synchronized (lock) {
                    for (LabEvent e : batch) {
                        write(e);
                    }
                    flush();
                    if (currentBytes >= retention.segmentBytes()) {
                        rotate();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Under lock. */
    private void write(LabEvent e) {
        byte[] line;
        try {
            line = JournalCodec.encode(e);
        } catch (IOException ex) {
            LOG.warn("cannot encode {}: {}", e.getClass().getSimpleName(), ex.toString());
            return;
        }
        boolean transcript = e instanceof LabEvent.TranscriptLine;
        if (transcript && transcriptBytes + line.length > retention.transcriptBytes()) {
            skippedTranscripts++;
            return;
        }
        if (out != null) {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException ex) {
                LOG.warn("the event journal in {} stopped: {}", folder, ex.toString());
                closeQuietly();
            }
        }
        if (transcript) {
            transcriptBytes += line.length;
        }
        currentBytes += line.length + 1;
        currentEvents++;
        written++;
        for (JournalFollower f : followers) {
            f.offerLive(e);
        }
    }

    private void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                LOG.warn("the event journal in {} stopped: {}", folder, e.toString());
                closeQuietly();
            }
        }
    }

    private void rotate() {
        closeSegment();
        try {
            startSegment();
        } catch (IOException e) {
            LOG.warn("the event journal in {} stopped: {}", folder, e.toString());
        }
        while (closedSegments.size() + 1 > retention.maxSegments() && !closedSegments.isEmpty()) {
            Path oldest = closedSegments.remove(0);
            try {
                Files.deleteIfExists(oldest);
            } catch (IOException e) {
                LOG.debug("cannot delete {} yet: {}", oldest, e.toString());
            }
        }
    }

    private void startSegment() throws IOException {
        current = folder.resolve(String.format("events-%06d.jsonl.gz", nextSegment++));
        out = new FastGzip(new BufferedOutputStream(Files.newOutputStream(current), 1 << 16));
        currentEvents = 0;
        currentBytes = 0;
    }

    private void closeSegment() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing {}: {}", current, e.toString());
        }
        out = null;
        closedSegments.add(current);
    }

    private void closeQuietly() {
        try {
            out.close();
        } catch (IOException ignored) {
            // already failing
        }
        out = null;
    }

    static List<Path> segments(Path folder) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "events-*.jsonl.gz")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    private static int number(Path segment) {
        String n = segment.getFileName().toString();
        return Integer.parseInt(n.substring("events-".length(), n.indexOf('.')));
    }

    /** Gzip at the fastest level, flushed so that a reader can decode everything written so far. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16, true);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
