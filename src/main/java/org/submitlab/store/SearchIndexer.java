package org.submitlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Keeps the Sent Items search index behind the writer rather than in every message's transaction: adding a message
 * to the trigram index costs about as much of the writer's time as the rest of storing it, so a burst of
 * submissions is stored first and indexed when the writer has nothing else to do
 * (docs/decisions/0207-search-index-behind-the-writer.md). Searches look at the rows above
 * {@code sent_items_indexed.upto} with {@code LIKE} ({@link SentItemsSearch}); once that many rows are waiting
 * ({@link #MAX_BEHIND}) the writer indexes after every batch too, so a search never scans more.
 */
final class SearchIndexer implements Writer.IdleWork {

    /** Rows indexed per transaction: short enough that a submission arriving meanwhile waits a few ms at most. */
    static final int STEP = 256;
    /** Rows waiting beyond which the writer indexes even while busy (a LIKE scan of this many is ~40 ms). */
    static final long MAX_BEHIND = 50_000;

    private static final String UPTO = "SELECT upto FROM sent_items_indexed WHERE id = 1";
    private static final String BEHIND = "SELECT coalesce((SELECT max(id) FROM messages), 0) - upto"
            + " FROM sent_items_indexed WHERE id = 1";
    private static final String STEP_END = "SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT 1 OFFSET "
            + (STEP - 1);
    private static final String NEWEST = "SELECT coalesce(max(id), 0) FROM messages";
    private static final String INDEX = "INSERT INTO sent_items_search"
            + " (rowid, subject, envelope_from, from_header, envelope_to, mailbox) SELECT " + Schema.INDEX_VALUES_OF_M
            + " FROM messages m JOIN sent_items_sizes s ON s.mailbox = m.mailbox"
            + " WHERE m.in_sent_items = 1 AND m.id > ? AND m.id <= ?";
    private static final String MOVE = "UPDATE sent_items_indexed SET upto = ? WHERE id = 1";

    /** The highest id the index holds: every Sent Items row at or below it is in the index. */
    static long indexedUpto(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPTO)) {
            return single(ps);
        }
    }

    /** About how many rows wait (ids above the index's, Sent Items or not), read on {@code c}. */
    static long backlog(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BEHIND)) {
            return Math.max(0, single(ps));
        }
    }

    @Override
    public long backlog(WriteSession s) throws SQLException {
        return Math.max(0, single(s.prepare(BEHIND)));
    }

    @Override
    public boolean urgent(long backlog) {
        return backlog > MAX_BEHIND;
    }

    /** Indexes the next {@link #STEP} rows, inside the caller's transaction. */
    @Override
    public void step(WriteSession s) throws SQLException {
        long from = single(s.prepare(UPTO));
        long to;
        PreparedStatement end = s.prepare(STEP_END);
        end.setLong(1, from);
        try (ResultSet rs = end.executeQuery()) {
            to = rs.next() ? rs.getLong(1) : single(s.prepare(NEWEST));
        }
        if (to <= from) {
            return;
        }
        PreparedStatement index = s.prepare(INDEX);
        index.setLong(1, from);
        index.setLong(2, to);
        index.executeUpdate();
        PreparedStatement move = s.prepare(MOVE);
        move.setLong(1, to);
        move.executeUpdate();
    }

    /** The first column of the statement's first row, 0 if none (the statement stays open: it may be cached). */
    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
