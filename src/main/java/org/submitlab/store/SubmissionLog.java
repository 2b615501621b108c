package org.submitlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** Every submission attempt with its outcome and exact reply. */
public final class SubmissionLog {

    private static final String INSERT = """
            INSERT INTO submissions (time, session_id, mailbox, client_address, envelope_from, envelope_to,
              recipients, size, accepted, reply, message_id, deliver_at, stored_message, from_rewrite)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** Reads submissions_by_time (schema version 2 dropped the partial index on accepted rows). */
    static final String ACCEPTED_SINCE = "SELECT mailbox, time, recipients FROM submissions"
            + " WHERE accepted = 1 AND time >= ? AND mailbox IS NOT NULL ORDER BY time, id";
    private static final String COLUMNS = "time, session_id, mailbox, client_address, envelope_from, envelope_to, "
            + "size, accepted, reply, message_id, deliver_at, from_rewrite";

    private final Database db;

    SubmissionLog(Database db) {
        this.db = db;
    }

    /** Accepted submissions of authenticated mailboxes at or after {@code since}, oldest first. */
    public List<RecipientUse> acceptedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return db.read("read accepted submissions", c -> {
            List<RecipientUse> uses = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ACCEPTED_SINCE)) {
                Sql.setTime(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        uses.add(new RecipientUse(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3)));
                    }
                }
            }
            return uses;
        });
    }

    /**
     * Deletes accepted submissions dated after {@code cutoff} and returns how many: they would count in
     * the recipient window for days. Data folders from before runs had their own store hold such rows
     * from accelerated simulations; their Sent Items copies are kept.
     */
    public int dropAcceptedAfter(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        // Looked up first: nearly always there is none, and a write would cost a commit (an fsync) per start.
        boolean any = db.read("look for submissions dated after " + cutoff, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT EXISTS (SELECT 1 FROM submissions WHERE accepted = 1 AND time > ?)")) {
                Sql.setTime(ps, 1, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
        if (!any) {
            return 0;
        }
        return db.write("drop submissions dated after " + cutoff, s -> {
            PreparedStatement ps = s.prepare("DELETE FROM submissions WHERE accepted = 1 AND time > ?");
            Sql.setTime(ps, 1, cutoff);
            return ps.executeUpdate();
        });
    }

    /** The latest {@code limit} attempts (of {@code mailbox}, if given), newest first. */
    public List<SubmissionRecord> recent(Optional<String> mailbox, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        Optional<String> key = mailbox == null ? Optional.empty() : mailbox.map(m -> m.trim().toLowerCase(Locale.ROOT));
        return db.read("read recent submissions", c -> {
            List<SubmissionRecord> records = new ArrayList<>();
            String where = key.isPresent() ? " WHERE mailbox = ?" : "";
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM submissions" + where + " ORDER BY time DESC, id DESC LIMIT ?")) {
                int i = 1;
                if (key.isPresent()) {
                    ps.setString(i++, key.get());
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        records.add(record(rs));
                    }
                }
            }
            return records;
        });
    }

    /** Every attempt at or after {@code since}, oldest first, streamed (for charts and reports). */
    public void forEachSince(Instant since, Consumer<SubmissionRecord> action) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(action, "action");
        db.read("read submissions", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM submissions WHERE time >= ? ORDER BY time, id")) {
                Sql.setTime(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(record(rs));
                    }
                }
            }
            return null;
        });
    }

    /**
     * The newest submissions matching {@code q}, oldest first, each accepted one with its deliveries. Reads
     * submissions_by_mailbox, submissions_by_message_id and deliveries_by_recipient where the filters allow.
     */
    public List<TracedSubmission> trace(TraceQuery q) {
        Objects.requireNonNull(q, "q");
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        q.sender().ifPresent(a -> {
            where.append(" AND (mailbox = ? OR envelope_from = ? COLLATE NOCASE)");
            args.add(a.toLowerCase(Locale.ROOT));
            args.add(a);
        });
        q.recipient().ifPresent(a -> {
            where.append(" AND (envelope_to LIKE ? ESCAPE '\\' OR stored_message IN"
                    + " (SELECT message_id FROM deliveries WHERE recipient = ?))");
            args.add(Sql.containsPattern("\"" + a + "\""));
            args.add(a);
        });
        q.messageId().ifPresent(m -> {
            where.append(" AND message_id IN (?, ?)");
            args.add(m);
            args.add("<" + m + ">");
        });
        q.since().ifPresent(t -> {
            where.append(" AND time >= ?");
            args.add(t.toEpochMilli());
        });
        q.until().ifPresent(t -> {
            where.append(" AND time <= ?");
            args.add(t.toEpochMilli());
        });
        q.accepted().ifPresent(a -> where.append(a ? " AND accepted = 1" : " AND accepted = 0"));
        return db.read("trace submissions", c -> {
            List<TracedSubmission> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, stored_message, " + COLUMNS
                    + " FROM submissions" + where + " ORDER BY time DESC, id DESC LIMIT ?")) {
                int i = 1;
                for (Object a : args) {
                    ps.setObject(i++, a);
                }
                ps.setInt(i, q.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Optional<Long> stored = Sql.getLong(rs, "stored_message");
                        found.add(new TracedSubmission(rs.getLong("id"), record(rs),
                                stored.isPresent() ? deliveriesOf(c, stored.get()) : List.of()));
                    }
                }
            }
            java.util.Collections.reverse(found);
            return found;
        });
    }

    /** Which of these Message-IDs have an accepted submission (reads submissions_by_message_id). */
    public java.util.Set<String> acceptedAmong(java.util.Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> all = List.copyOf(messageIds);
        return db.read("find accepted messages", c -> {
            java.util.Set<String> found = new java.util.HashSet<>();
            // In chunks: SQLite bounds the number of parameters of a statement.
            for (int from = 0; from < all.size(); from += 500) {
                List<String> ids = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT message_id FROM submissions"
                        + " WHERE accepted = 1 AND message_id IN (" + marks + ")")) {
                    for (int i = 0; i < ids.size(); i++) {
                        ps.setString(i + 1, ids.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            return found;
        });
    }

    private static List<Delivery> deliveriesOf(java.sql.Connection c, long storedMessage) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT message_id, recipient, deliver_at, failure FROM deliveries WHERE message_id = ? ORDER BY id")) {
            ps.setLong(1, storedMessage);
            List<Delivery> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Delivery(rs.getLong(1), rs.getString(2), Sql.getTime(rs, "deliver_at"), rs.getString(4)));
                }
            }
            return result;
        }
    }

    /** The record's column values, computed on the caller's thread: the writer thread is the bottleneck. */
    record NewRecord(long time, String sessionId, String mailbox, String clientAddress, String envelopeFrom,
            String envelopeTo, int recipients, long size, boolean accepted, String reply, String messageId,
            Long deliverAt, String fromRewrite) {

        static NewRecord of(SubmissionRecord r) {
            return new NewRecord(r.time().toEpochMilli(), r.sessionId(),
                    r.mailbox() == null ? null : r.mailbox().trim().toLowerCase(Locale.ROOT), r.clientAddress(),
                    r.envelopeFrom(), Json.strings(r.envelopeTo()), r.envelopeTo().size(), r.size(), r.accepted(),
                    r.reply(), r.messageId(), r.deliverAt() == null ? null : r.deliverAt().toEpochMilli(),
                    r.fromRewrite());
        }

        /** Inserts on the writer; {@code storedMessage} links an accepted attempt to its message row. */
        void insert(WriteSession s, Long storedMessage) throws SQLException {
            PreparedStatement ps = s.prepare(INSERT);
            ps.setLong(1, time);
            ps.setString(2, sessionId);
            ps.setString(3, mailbox);
            ps.setString(4, clientAddress);
            ps.setString(5, envelopeFrom);
            ps.setString(6, envelopeTo);
            ps.setInt(7, recipients);
            ps.setLong(8, size);
            ps.setInt(9, accepted ? 1 : 0);
            ps.setString(10, reply);
            ps.setString(11, messageId);
            Sql.setLong(ps, 12, deliverAt);
            Sql.setLong(ps, 13, storedMessage);
            ps.setString(14, fromRewrite);
            ps.executeUpdate();
        }
    }

    private static SubmissionRecord record(ResultSet rs) throws SQLException {
        return new SubmissionRecord(
                Sql.getTime(rs, "time"),
                rs.getString("session_id"),
                rs.getString("mailbox"),
                rs.getString("client_address"),
                rs.getString("envelope_from"),
                Json.strings(rs.getString("envelope_to")),
                rs.getLong("size"),
                Sql.getBoolean(rs, "accepted"),
                rs.getString("reply"),
                rs.getString("message_id"),
                Sql.getTime(rs, "deliver_at"),
                rs.getString("from_rewrite"));
    }
}
