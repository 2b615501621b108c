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
              recipients, size, accepted, reply, message_id, deliver_at, stored_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String COLUMNS = "time, session_id, mailbox, client_address, envelope_from, envelope_to, "
            + "size, accepted, reply, message_id, deliver_at";

    private final Database db;

    SubmissionLog(Database db) {
        this.db = db;
    }

    /** Accepted submissions of authenticated mailboxes at or after {@code since}, oldest first. */
    public List<RecipientUse> acceptedSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return db.read("read accepted submissions", c -> {
            List<RecipientUse> uses = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT mailbox, time, recipients FROM submissions"
                    + " WHERE accepted = 1 AND time >= ? AND mailbox IS NOT NULL ORDER BY time, id")) {
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

    /** Inserts on the writer; {@code storedMessage} links an accepted attempt to its message row. */
    static void insert(WriteSession s, SubmissionRecord r, Long storedMessage) throws SQLException {
        PreparedStatement ps = s.prepare(INSERT);
        Sql.setTime(ps, 1, r.time());
        ps.setString(2, r.sessionId());
        ps.setString(3, r.mailbox() == null ? null : r.mailbox().trim().toLowerCase(Locale.ROOT));
        ps.setString(4, r.clientAddress());
        ps.setString(5, r.envelopeFrom());
        ps.setString(6, Json.strings(r.envelopeTo()));
        ps.setInt(7, r.envelopeTo().size());
        ps.setLong(8, r.size());
        Sql.setBoolean(ps, 9, r.accepted());
        ps.setString(10, r.reply());
        ps.setString(11, r.messageId());
        Sql.setTime(ps, 12, r.deliverAt());
        Sql.setLong(ps, 13, storedMessage);
        ps.executeUpdate();
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
                Sql.getTime(rs, "deliver_at"));
    }
}
