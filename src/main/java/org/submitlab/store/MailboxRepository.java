package org.submitlab.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.submitlab.policy.ClientNetwork;
import org.submitlab.policy.Mailbox;

/** Mailboxes and their XOAUTH2 tokens (stored only as SHA-256 hashes). Writes are synchronous. */
public final class MailboxRepository {

    private static final String UPSERT = """
            INSERT INTO mailboxes (address, display_name, password_hash, smtp_auth_enabled, recipients_per_day,
              send_as, save_to_sent_items, quota_bytes, send_limit_bytes, allowed_networks, sent_items_retention_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (address) DO UPDATE SET display_name = excluded.display_name,
              password_hash = excluded.password_hash, smtp_auth_enabled = excluded.smtp_auth_enabled,
              recipients_per_day = excluded.recipients_per_day, send_as = excluded.send_as,
              save_to_sent_items = excluded.save_to_sent_items, quota_bytes = excluded.quota_bytes,
              send_limit_bytes = excluded.send_limit_bytes, allowed_networks = excluded.allowed_networks,
              sent_items_retention_ms = excluded.sent_items_retention_ms""";

    private final Database db;

    MailboxRepository(Database db) {
        this.db = db;
    }

    /** Every mailbox, by address. */
    public List<Mailbox> all() {
        return db.read("list mailboxes", c -> {
            List<Mailbox> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM mailboxes ORDER BY address");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(mailbox(rs));
                }
            }
            return result;
        });
    }

    public Optional<Mailbox> find(String address) {
        String key = key(address);
        return db.read("find mailbox " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM mailboxes WHERE address = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mailbox(rs)) : Optional.<Mailbox>empty();
                }
            }
        });
    }

    /** Inserts or updates {@code m} (its tokens are kept) and waits for the commit. */
    public void save(Mailbox m) {
        db.write("save mailbox " + m.address(), s -> {
            PreparedStatement ps = s.prepare(UPSERT);
            ps.setString(1, m.address());
            ps.setString(2, m.displayName());
            ps.setString(3, m.passwordHash());
            Sql.setBoolean(ps, 4, m.smtpAuthEnabled().orElse(null));
            Sql.setLong(ps, 5, m.recipientsPerDay().map(Integer::longValue).orElse(null));
            ps.setString(6, Json.strings(List.copyOf(new TreeSet<>(m.sendAs()))));
            Sql.setBoolean(ps, 7, m.saveToSentItems());
            Sql.setLong(ps, 8, m.quotaBytes().orElse(null));
            Sql.setLong(ps, 9, m.sendLimitBytes().orElse(null));
            ps.setString(10, Json.strings(m.allowedNetworks().stream().map(ClientNetwork::text).toList()));
            Sql.setLong(ps, 11, m.sentItemsRetention().map(Duration::toMillis).orElse(null));
            ps.executeUpdate();
            return null;
        });
    }

    /** Deletes the mailbox and its tokens (its Sent Items and submission history stay). */
    public boolean delete(String address) {
        String key = key(address);
        return db.write("delete mailbox " + key, s -> {
            PreparedStatement ps = s.prepare("DELETE FROM mailboxes WHERE address = ?");
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
        });
    }

    /**
     * Stores a token hash ({@code PasswordHasher.hashToken}) for the mailbox without a creation time.
     * Prefer {@link #addToken(String, String, Instant)} with the lab clock's time.
     */
    public void addToken(String address, String tokenHash) {
        addToken(address, tokenHash, null);
    }

    /** Stores a token hash for the mailbox, created at {@code created} (may be null), that never expires. */
    public void addToken(String address, String tokenHash, Instant created) {
        addToken(address, tokenHash, created, null);
    }

    /** Stores a token hash for the mailbox, created at {@code created}, valid until {@code expires} (null: never expires). */
    public void addToken(String address, String tokenHash, Instant created, Instant expires) {
        String key = key(address);
        if (tokenHash == null || tokenHash.isBlank()) {
            throw new IllegalArgumentException("token hash is missing");
        }
        db.write("add a token for " + key, s -> {
            PreparedStatement check = s.prepare("SELECT 1 FROM mailboxes WHERE address = ?");
            check.setString(1, key);
            try (ResultSet rs = check.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("Cannot add a token: there is no mailbox " + key + " in " + db.file());
                }
            }
            PreparedStatement ps = s.prepare(
                    "INSERT OR IGNORE INTO tokens (mailbox, token_hash, created, expires) VALUES (?, ?, ?, ?)");
            ps.setString(1, key);
            ps.setString(2, tokenHash);
            Sql.setTime(ps, 3, created);
            Sql.setTime(ps, 4, expires);
            ps.executeUpdate();
            return null;
        });
    }

    public boolean hasToken(String address, String tokenHash) {
        String key = key(address);
        if (tokenHash == null) {
            return false;
        }
        return db.read("check a token of " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM tokens WHERE mailbox = ? AND token_hash = ?")) {
                ps.setString(1, key);
                ps.setString(2, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Whether the mailbox has this token and it has not expired at {@code now}: an expired token, one of another
     * mailbox and an altered one are all simply not valid (Exchange answers them alike).
     */
    public boolean hasValidToken(String address, String tokenHash, Instant now) {
        String key = key(address);
        if (tokenHash == null) {
            return false;
        }
        return db.read("check a token of " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM tokens WHERE mailbox = ? AND token_hash = ? AND (expires IS NULL OR expires > ?)")) {
                ps.setString(1, key);
                ps.setString(2, tokenHash);
                Sql.setTime(ps, 3, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * A token as an admin sees it: the start of its hash, when it was issued and when it expires (null: never),
     * never the token.
     */
    public record TokenInfo(String hash, Instant created, Instant expires) {
        public TokenInfo(String hash, Instant created) {
            this(hash, created, null);
        }

        /** The first 12 characters of the hash: enough to tell tokens apart and to revoke one. */
        public String id() {
            return hash.substring(0, Math.min(12, hash.length()));
        }
    }

    /** The mailbox's tokens, oldest first. */
    public List<TokenInfo> tokens(String address) {
        String key = key(address);
        return db.read("list the tokens of " + key, c -> {
            List<TokenInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT token_hash, created, expires FROM tokens WHERE mailbox = ? ORDER BY created, token_hash")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TokenInfo(rs.getString(1), Sql.getTime(rs, "created"), Sql.getTime(rs, "expires")));
                    }
                }
            }
            return out;
        });
    }

    /** Removes the mailbox's tokens whose hash starts with {@code hashPrefix} (at least 8 characters); returns how many. */
    public int revokeToken(String address, String hashPrefix) {
        String key = key(address);
        if (hashPrefix == null || hashPrefix.length() < 8) {
            throw new IllegalArgumentException("a token id has at least 8 characters (see 'token list')");
        }
        return db.write("revoke a token of " + key, s -> {
            PreparedStatement ps = s.prepare("DELETE FROM tokens WHERE mailbox = ? AND substr(token_hash, 1, ?) = ?");
            ps.setString(1, key);
            ps.setInt(2, hashPrefix.length());
            ps.setString(3, hashPrefix);
            return ps.executeUpdate();
        });
    }

    /** Removes every token of the mailbox; returns how many there were. */
    public int revokeTokens(String address) {
        String key = key(address);
        return db.write("revoke the tokens of " + key, s -> {
            PreparedStatement ps = s.prepare("DELETE FROM tokens WHERE mailbox = ?");
            ps.setString(1, key);
            return ps.executeUpdate();
        });
    }

    private static String key(String address) {
        if (address == null) {
            throw new IllegalArgumentException("mailbox address is missing");
        }
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static Mailbox mailbox(ResultSet rs) throws SQLException {
        Optional<Boolean> smtpAuth = Sql.getLong(rs, "smtp_auth_enabled").map(v -> v != 0);
        return new Mailbox(
                rs.getString("address"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                smtpAuth,
                Sql.getLong(rs, "recipients_per_day").map(Long::intValue),
                new TreeSet<>(Json.strings(rs.getString("send_as"))),
                Sql.getBoolean(rs, "save_to_sent_items"),
                Sql.getLong(rs, "quota_bytes"),
                Sql.getLong(rs, "send_limit_bytes"),
                Json.strings(rs.getString("allowed_networks")).stream().map(ClientNetwork::parse).toList(),
                Sql.getLong(rs, "sent_items_retention_ms").map(Duration::ofMillis));
    }
}
