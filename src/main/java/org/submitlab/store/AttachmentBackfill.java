package org.submitlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema version 8's backfill: every Sent Items row stored before it ({@code attachments IS NULL}) is looked at
 * once ({@link MimeAttachments} over its raw MIME) and gets 1 or 0; the trigger {@code sent_items_attachments}
 * marks the index row of one with attachments. Runs when a file is opened for writing or upgraded for reading
 * (after the migration's own transaction), in transactions of its own of at most {@link #BATCH} messages or
 * {@link #BATCH_BYTES} of MIME, so a kill loses at most one batch and the next open goes on where this one
 * stopped ({@code messages_attachments_unchecked} lists what is left). Progress is logged every few seconds.
 * See docs/decisions/0206-search-syntax-and-attachments.md.
 */
final class AttachmentBackfill {

    static final int BATCH = 2_000;
    static final long BATCH_BYTES = 32L * 1024 * 1024;

    private static final long QUIET_BELOW = 1_000;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentBackfill.class);

    private static final String ANY = "SELECT 1 FROM messages INDEXED BY messages_attachments_unchecked"
            + " WHERE in_sent_items = 1 AND attachments IS NULL LIMIT 1";
    private static final String COUNT = "SELECT count(*) FROM messages INDEXED BY messages_attachments_unchecked"
            + " WHERE in_sent_items = 1 AND attachments IS NULL";
    private static final String NEXT = "SELECT m.id, r.raw FROM messages m INDEXED BY messages_attachments_unchecked"
            + " LEFT JOIN message_raw r ON r.message_id = m.id"
            + " WHERE m.in_sent_items = 1 AND m.attachments IS NULL AND m.id > ? ORDER BY m.id LIMIT ?";
    private static final String SET = "UPDATE messages SET attachments = ? WHERE id = ? AND attachments IS NULL";

    private AttachmentBackfill() {
    }

    /** Whether Sent Items rows are left to check (one lookup in a partial index that is empty once done). */
    static boolean pending(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ANY)) {
            return rs.next();
        }
    }

    /** Checks every row left; returns how many were checked. {@code c} is a write connection in autocommit. */
    static long run(Connection c, Path file) throws SQLException {
        if (!pending(c)) {
            return 0;
        }
        long total;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(COUNT)) {
            total = rs.next() ? rs.getLong(1) : 0;
        }
        boolean loud = total >= QUIET_BELOW; // a few rows (a test's, a crash's) are not worth a line
        if (loud) {
            LOG.info("Checking {} stored messages of {} for attachments (once, for has:attachment)",
                    String.format(Locale.ROOT, "%,d", total), file);
        }
        long t0 = System.nanoTime();
        long lastLog = t0;
        long done = 0;
        long with = 0;
        long after = 0;
        while (true) {
            Batch b = batch(c, after);
            if (b.count == 0) {
                break;
            }
            done += b.count;
            with += b.with;
            after = b.last;
            long now = System.nanoTime();
            if (now - lastLog > PROGRESS_NANOS) {
                lastLog = now;
                LOG.info("  {} of {} checked for attachments ({} s)", String.format(Locale.ROOT, "%,d", done),
                        String.format(Locale.ROOT, "%,d", total), (now - t0) / 1_000_000_000);
            }
        }
        String summary = "Checked {} messages of {} for attachments in {} ms ({} with attachments)";
        Object[] args = {String.format(Locale.ROOT, "%,d", done), file, (System.nanoTime() - t0) / 1_000_000,
            String.format(Locale.ROOT, "%,d", with)};
        if (loud) {
            LOG.info(summary, args);
        } else {
            LOG.debug(summary, args);
        }
        return done;
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

    private record Batch(int count, int with, long last) {
    }

    /** One transaction: reads the next rows' MIME, then sets their flags (not while the cursor is open). */
    private static Batch batch(Connection c, long after) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                long[] ids = new long[BATCH];
                boolean[] flags = new boolean[BATCH];
                int n = 0;
                long bytes = 0;
                try (PreparedStatement ps = c.prepareStatement(NEXT)) {
                    ps.setLong(1, after);
                    ps.setInt(2, BATCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (bytes < BATCH_BYTES && rs.next()) {
                            byte[] raw = rs.getBytes(2);
                            ids[n] = rs.getLong(1);
                            flags[n] = raw != null && scan(ids[n], raw);
                            bytes += raw == null ? 0 : raw.length;
                            n++;
                        }
                    }
                }
                int with = 0;
                try (PreparedStatement ps = c.prepareStatement(SET)) {
                    for (int i = 0; i < n; i++) {
                        ps.setInt(1, flags[i] ? 1 : 0);
                        ps.setLong(2, ids[i]);
                        ps.executeUpdate();
                        with += flags[i] ? 1 : 0;
                    }
                }
                s.execute("COMMIT");
                return new Batch(n, with, n == 0 ? after : ids[n - 1]);
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
}
