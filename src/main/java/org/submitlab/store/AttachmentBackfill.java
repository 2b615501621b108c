package org.submitlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema version 8's backfill: every Sent Items message stored before it is looked at once ({@link
 * MimeAttachments} over its raw MIME), and those with attachments get {@code attachments = 1}, which the trigger
 * {@code sent_items_attachments} marks in the search index. The rest stay NULL, which below the backfill's
 * progress means "none": only one message in several is written. Progress is the row of
 * {@code attachments_backfill} (the ids {@code next_id} to {@code last_id} are left), moved in the same
 * transaction as each batch of at most {@link #BATCH} messages or {@link #BATCH_BYTES} of MIME, so a kill loses
 * at most one batch and the next open goes on from there. It runs when a file is opened for writing or upgraded
 * for reading, after the migration's own transaction; progress is logged every few seconds.
 * See docs/decisions/0206-search-syntax-and-attachments.md.
 */
final class AttachmentBackfill {

    static final int BATCH = 5_000;
    static final long BATCH_BYTES = 32L * 1024 * 1024;

    private static final long QUIET_BELOW = 1_000;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentBackfill.class);

    private static final String LEFT = "SELECT next_id, last_id FROM attachments_backfill WHERE next_id <= last_id";
    private static final String NEXT = "SELECT m.id, r.raw FROM messages m LEFT JOIN message_raw r ON r.message_id = m.id"
            + " WHERE m.id >= ? AND m.id <= ? AND m.in_sent_items = 1 ORDER BY m.id LIMIT ?";
    private static final String MARK = "UPDATE messages SET attachments = 1 WHERE id = ? AND attachments IS NULL";
    private static final String MOVE = "UPDATE attachments_backfill SET next_id = ?";

    private AttachmentBackfill() {
    }

    /** Whether messages are left to check (one row to read). */
    static boolean pending(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LEFT)) {
            return rs.next();
        }
    }

    /** Checks every message left; returns how many were checked. {@code c} is a write connection in autocommit. */
    static long run(Connection c, Path file) throws SQLException {
        long next;
        long last;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LEFT)) {
            if (!rs.next()) {
                return 0;
            }
            next = rs.getLong(1);
            last = rs.getLong(2);
        }
        long total = count(c, next, last);
        boolean loud = total >= QUIET_BELOW; // a few rows (a test's, a cut-short run's) are not worth a line
        if (loud) {
            LOG.info("Checking {} stored messages of {} for attachments (once, for has:attachment)", format(total), file);
        }
        long t0 = System.nanoTime();
        long lastLog = t0;
        long done = 0;
        long with = 0;
        while (true) {
            Batch b = batch(c, last);
            if (b == null) {
                break;
            }
            done += b.count;
            with += b.with;
            long now = System.nanoTime();
            if (loud && now - lastLog > PROGRESS_NANOS) {
                lastLog = now;
                LOG.info("  {} of {} checked for attachments ({} s)", format(done), format(total),
                        (now - t0) / 1_000_000_000);
            }
        }
        String summary = "Checked {} messages of {} for attachments in {} ms ({} with attachments)";
        Object[] args = {format(done), file, (System.nanoTime() - t0) / 1_000_000, format(with)};
        if (loud) {
            LOG.info(summary, args);
        } else {
            LOG.debug(summary, args);
        }
        return done;
    }

    private static long count(Connection c, long next, long last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM messages WHERE id >= ? AND id <= ? AND in_sent_items = 1")) {
            ps.setLong(1, next);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private record Batch(int count, int with) {
    }

    /**
     * One transaction: re-reads the progress (another process may have moved it), reads the next messages' MIME,
     * then marks those with attachments and moves the progress past them. Null when nothing is left.
     */
    private static Batch batch(Connection c, long last) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                long next;
                try (ResultSet rs = s.executeQuery(LEFT)) {
                    if (!rs.next()) {
                        s.execute("COMMIT");
                        return null;
                    }
                    next = rs.getLong(1);
                }
                List<Long> marked = new ArrayList<>();
                int n = 0;
                long bytes = 0;
                long upTo = last;
                try (PreparedStatement ps = c.prepareStatement(NEXT)) {
                    ps.setLong(1, next);
                    ps.setLong(2, last);
                    ps.setInt(3, BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (bytes < BATCH_BYTES && n < BATCH && rs.next()) {
                            long id = rs.getLong(1);
                            byte[] raw = rs.getBytes(2);
                            if (raw != null && scan(id, raw)) {
                                marked.add(id);
                            }
                            bytes += raw == null ? 0 : raw.length;
                            n++;
                            upTo = id;
                        }
                        if (n < BATCH && bytes < BATCH_BYTES) {
                            upTo = last; // the query ran out: nothing up to last is left
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(MARK)) {
                    for (long id : marked) {
                        ps.setLong(1, id);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(MOVE)) {
                    ps.setLong(1, upTo + 1);
                    ps.executeUpdate();
                }
                s.execute("COMMIT");
                return new Batch(n, marked.size());
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** A scanner bug must not keep a store from opening: such a message counts as without attachments. */
    private static boolean scan(long id, byte[] raw) {
        try {
            return MimeAttachments.in(raw);
        } catch (RuntimeException e) {
            LOG.warn("Could not look for attachments in stored message {}: {}", id, e.toString());
            return false;
        }
    }

    private static String format(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
