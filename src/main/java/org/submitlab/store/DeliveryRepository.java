package org.submitlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Where accepted messages went: one row per recipient copy, with the time it is (or was) due. */
public final class DeliveryRepository {

    private static final String INSERT =
            "INSERT INTO deliveries (message_id, recipient, deliver_at, failure, external) VALUES (?, ?, ?, ?, ?)";

    private final Database db;

    DeliveryRepository(Database db) {
        this.db = db;
    }

    /** The copies addressed to {@code address} (case-insensitive), by due time. */
    public List<Delivery> forRecipient(String address) {
        String key = Objects.requireNonNull(address, "address").trim().toLowerCase(Locale.ROOT);
        return db.read("list deliveries to " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, recipient, deliver_at, failure FROM"
                    + " deliveries WHERE recipient = ? ORDER BY deliver_at, id")) {
                ps.setString(1, key);
                return deliveries(ps);
            }
        });
    }

    /** The deliveries that failed (a non-delivery report, e.g. the tenant external recipient limit), oldest first. */
    public List<Delivery> failed() {
        return db.read("list failed deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, recipient, deliver_at, failure FROM"
                    + " deliveries WHERE failure IS NOT NULL ORDER BY deliver_at, id")) {
                return deliveries(ps);
            }
        });
    }

    /** The failed deliveries of stored message {@code messageId} (a Sent Items id), by recipient. */
    public List<Delivery> failedOf(long messageId) {
        return db.read("list failed deliveries of message " + messageId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, recipient, deliver_at, failure FROM"
                    + " deliveries WHERE failure IS NOT NULL AND message_id = ? ORDER BY recipient")) {
                ps.setLong(1, messageId);
                return deliveries(ps);
            }
        });
    }

    /** When external recipients were delivered at or after {@code since} (for the tenant's external window). */
    public List<Instant> externalSince(Instant since) {
        return db.read("read external deliveries", c -> {
            List<Instant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT deliver_at FROM deliveries"
                    + " WHERE external = 1 AND failure IS NULL AND deliver_at >= ? ORDER BY deliver_at")) {
                Sql.setTime(ps, 1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Instant.ofEpochMilli(rs.getLong(1)));
                    }
                }
            }
            return out;
        });
    }

    /** Copies per recipient, by recipient. */
    public Map<String, Long> countByRecipient() {
        return db.read("count deliveries", c -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT lower(recipient), count(*) FROM deliveries GROUP BY recipient ORDER BY recipient");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** A message's delivery rows, computed on the caller's thread: the writer thread is the bottleneck. */
    record NewDeliveries(List<String> recipients, long deliverAt, Set<String> external, String failure) {

        static NewDeliveries of(SentItemDraft d) {
            List<String> recipients = new ArrayList<>(d.deliverTo().size());
            for (String recipient : d.deliverTo()) {
                recipients.add(recipient.trim().toLowerCase(Locale.ROOT));
            }
            Set<String> external = new HashSet<>();
            d.external().forEach(a -> external.add(a.trim().toLowerCase(Locale.ROOT)));
            return new NewDeliveries(recipients, recipients.isEmpty() ? 0 : d.deliverAt().toEpochMilli(), external,
                    d.externalFailure());
        }

        void insert(WriteSession s, long messageId) throws SQLException {
            for (String recipient : recipients) {
                boolean isExternal = external.contains(recipient);
                PreparedStatement ps = s.prepare(INSERT);
                ps.setLong(1, messageId);
                ps.setString(2, recipient);
                ps.setLong(3, deliverAt);
                ps.setString(4, isExternal ? failure : null);
                ps.setInt(5, isExternal ? 1 : 0);
                ps.executeUpdate();
            }
        }
    }

    private static List<Delivery> deliveries(PreparedStatement ps) throws SQLException {
        List<Delivery> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new Delivery(rs.getLong(1), rs.getString(2), Sql.getTime(rs, "deliver_at"), rs.getString(4)));
            }
        }
        return result;
    }
}
