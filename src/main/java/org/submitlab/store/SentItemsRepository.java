package org.submitlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Sent Items: the stored messages whose mailbox keeps a copy. */
public final class SentItemsRepository {

    static final String COLUMNS = "id, mailbox, time, envelope_from, envelope_to, authenticated_as, "
            + "client_address, tls, session_id, size, subject, message_id, from_header";
    private static final String INSERT_MESSAGE = """
            INSERT INTO messages (mailbox, time, envelope_from, envelope_to, authenticated_as, client_address, tls,
              session_id, size, subject, message_id, from_header, in_sent_items, attachments)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            RETURNING id""";
    private static final String INSERT_RAW = "INSERT INTO message_raw (message_id, raw) VALUES (?, ?)";

    /** Where the console and {@code sent-items} stop counting matches ("10,000+"). */
    public static final long COUNT_CAP = 10_000;

    private final Database db;
    private final SentItemsSearch.Plans plans = new SentItemsSearch.Plans();

    SentItemsRepository(Database db) {
        this.db = db;
    }

    /** Every Sent Items entry (of {@code mailbox}, if given), oldest first by time, streamed row by row. */
    public void forEach(Optional<String> mailbox, Consumer<SentItem> action) {
        Objects.requireNonNull(action, "action");
        Optional<String> only = SentItemsSearch.of(mailbox, "").mailbox();
        db.read("list Sent Items", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE in_sent_items = 1"
                    + (only.isPresent() ? " AND mailbox = ?" : "") + " ORDER BY time, id")) {
                if (only.isPresent()) {
                    ps.setString(1, only.get());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(sentItem(rs));
                    }
                }
            }
            return null;
        });
    }

    /**
     * The page {@code offset} entries deep, newest first (in the order the store accepted them, by id).
     * {@code search} is in the syntax of {@link SentItemsQuery} (words and phrases as case-insensitive substrings
     * of subject, envelope sender, From header or envelope recipients; {@code from:}, {@code to:},
     * {@code subject:}, {@code has:attachment}; all parts must match); "" matches everything; see
     * {@link SentItemsSearch} for terms under three characters.
     * The rows come from the same keyset query as {@link #before}; only reaching the offset counts rows.
     */
    public List<SentItem> page(Optional<String> mailbox, String search, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        SentItemsSearch q = SentItemsSearch.of(mailbox, search, plans);
        return db.read("page through Sent Items", c -> {
            long before = Long.MAX_VALUE;
            if (offset > 0) {
                OptionalLong key = q.idAt(c, offset - 1);
                if (key.isEmpty()) {
                    return List.of();
                }
                before = key.getAsLong();
            }
            return q.before(c, before, limit);
        });
    }

    /** Up to {@code limit} entries with an id below {@code beforeId}, newest first (the next page). */
    public List<SentItem> before(Optional<String> mailbox, String search, long beforeId, int limit) {
        SentItemsSearch q = SentItemsSearch.of(mailbox, search, plans);
        return db.read("page through Sent Items", c -> q.before(c, beforeId, limit));
    }

    /**
     * The {@code limit} entries just above {@code afterId} (the previous page), newest first; with
     * {@code afterId} 0 the oldest page.
     */
    public List<SentItem> after(Optional<String> mailbox, String search, long afterId, int limit) {
        SentItemsSearch q = SentItemsSearch.of(mailbox, search, plans);
        return db.read("page through Sent Items", c -> q.after(c, afterId, limit));
    }

    /** How many entries {@link #page} can page through with the same filter, counted to the end. */
    public long count(Optional<String> mailbox, String search) {
        SentItemsSearch q = SentItemsSearch.of(mailbox, search, plans);
        return db.read("count Sent Items", c -> q.count(c, Long.MAX_VALUE).value());
    }

    /**
     * Like {@link #count} but stops at {@code cap} matches (then {@link SentItemsCount#exact} is false): a
     * term in every message would otherwise cost a walk through the whole index.
     */
    public SentItemsCount countUpTo(Optional<String> mailbox, String search, long cap) {
        SentItemsSearch q = SentItemsSearch.of(mailbox, search, plans);
        return db.read("count Sent Items", c -> q.count(c, cap));
    }

    /** One stored message by id (whether listed in Sent Items or not). */
    public Optional<SentItem> find(long id) {
        return db.read("find message " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM messages WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(sentItem(rs)) : Optional.<SentItem>empty();
                }
            }
        });
    }

    /** The message exactly as received. */
    public Optional<byte[]> raw(long id) {
        return db.read("read message " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT raw FROM message_raw WHERE message_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** Bytes in Sent Items per mailbox (what counts against the quota), kept by the store as it writes. */
    public Map<String, Long> totalSizeByMailbox() {
        return db.read("read Sent Items sizes", c -> {
            Map<String, Long> sizes = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT mailbox, bytes FROM sent_items_sizes WHERE items > 0 ORDER BY mailbox");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
            return sizes;
        });
    }

    /**
     * Removes the mailbox's Sent Items older than {@code cutoff} (retention), raw MIME included; their
     * delivery rows stay on record. Waits for the commit and returns how many were removed.
     */
    public int deleteOlderThan(String mailbox, Instant cutoff) {
        String key = Objects.requireNonNull(mailbox, "mailbox").trim().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(cutoff, "cutoff");
        return db.write("remove Sent Items of " + key + " older than " + cutoff, s -> {
            PreparedStatement ps = s.prepare(
                    "DELETE FROM messages WHERE in_sent_items = 1 AND mailbox = ? AND time < ?");
            ps.setString(1, key);
            Sql.setTime(ps, 2, cutoff);
            return ps.executeUpdate();
        });
    }

    /** Removes every Sent Items message of the mailbox (raw MIME included; deliveries stay); returns how many. */
    public int clear(String mailbox) {
        String key = Objects.requireNonNull(mailbox, "mailbox").trim().toLowerCase(Locale.ROOT);
        return db.write("remove every Sent Items message of " + key, s -> {
            PreparedStatement ps = s.prepare("DELETE FROM messages WHERE in_sent_items = 1 AND mailbox = ?");
            ps.setString(1, key);
            return ps.executeUpdate();
        });
    }

    /**
     * Removes one Sent Items message (raw MIME included; its deliveries and submission stay on record, as with
     * retention). Returns whether it was there.
     */
    public boolean delete(long id) {
        return db.write("remove Sent Items message " + id, s -> {
            PreparedStatement ps = s.prepare("DELETE FROM messages WHERE id = ? AND in_sent_items = 1");
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        });
    }

    /**
     * The message's column values, computed on the caller's thread: the writer thread is the bottleneck. That
     * includes {@code attachments} (Sent Items only; null, "not looked at", for the others and for a spooled
     * body that could not be read here, which the writer then fails to store anyway).
     */
    record NewMessage(String mailbox, long time, String envelopeFrom, String envelopeTo, String authenticatedAs,
            String clientAddress, boolean tls, String sessionId, MessageBody body, String subject, String messageId,
            String fromHeader, boolean inSentItems, Boolean attachments) {

        static NewMessage of(SentItemDraft d) {
            return new NewMessage(d.mailbox().trim().toLowerCase(Locale.ROOT), d.time().toEpochMilli(),
                    d.envelopeFrom(), Json.strings(d.envelopeTo()), d.authenticatedAs(), d.clientAddress(), d.tls(),
                    d.sessionId(), d.body(), d.subject(), d.messageId(), d.fromHeader(), d.inSentItems(),
                    d.inSentItems() ? attachments(d.body()) : null);
        }

        private static Boolean attachments(MessageBody body) {
            try {
                return body.hasAttachments();
            } catch (java.io.IOException e) {
                return null;
            }
        }

        /** Inserts the message and its raw MIME on the writer; returns its id. */
        long insert(WriteSession s) throws SQLException {
            PreparedStatement ps = s.prepare(INSERT_MESSAGE);
            ps.setString(1, mailbox);
            ps.setLong(2, time);
            ps.setString(3, envelopeFrom);
            ps.setString(4, envelopeTo);
            ps.setString(5, authenticatedAs);
            ps.setString(6, clientAddress);
            ps.setInt(7, tls ? 1 : 0);
            ps.setString(8, sessionId);
            ps.setLong(9, body.size());
            ps.setString(10, subject);
            ps.setString(11, messageId);
            ps.setString(12, fromHeader);
            ps.setInt(13, inSentItems ? 1 : 0);
            Sql.setBoolean(ps, 14, attachments);
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            // A spooled body is read only here, on the writer, so at most the batch being stored is in memory.
            byte[] raw;
            try {
                raw = body.bytes();
            } catch (java.io.IOException e) {
                throw new StoreException("Cannot read the body of the message from " + mailbox + ": " + e.getMessage(), e);
            }
            PreparedStatement rawInsert = s.prepare(INSERT_RAW);
            rawInsert.setLong(1, id);
            rawInsert.setBytes(2, raw);
            rawInsert.executeUpdate();
            rawInsert.clearParameters(); // the cached statement must not keep a large body alive
            return id;
        }
    }

    static SentItem sentItem(ResultSet rs) throws SQLException {
        return new SentItem(
                rs.getLong("id"),
                rs.getString("mailbox"),
                Sql.getTime(rs, "time"),
                rs.getString("envelope_from"),
                Json.strings(rs.getString("envelope_to")),
                rs.getString("authenticated_as"),
                rs.getString("client_address"),
                Sql.getBoolean(rs, "tls"),
                rs.getString("session_id"),
                rs.getLong("size"),
                rs.getString("subject"),
                rs.getString("message_id"),
                rs.getString("from_header"));
    }
}
