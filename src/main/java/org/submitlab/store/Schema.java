package org.submitlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;

/**
 * The schema and its migrations. The version lives in {@code PRAGMA user_version}; the file is marked
 * as ours with {@code PRAGMA application_id}. Migrating takes the write lock and re-reads the version
 * inside it, so two processes opening a fresh folder at once migrate it exactly once.
 */
final class Schema {

    /** "SbLb": marks a SubmitLab database. */
    static final int APPLICATION_ID = 0x53624C62;

    private static final long WAL_SWITCH_RETRY_MILLIS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    /**
     * The search index's name for the mailbox whose {@code sent_items_sizes} row is {@code s}: three
     * private-use characters from its rowid, one trigram that no text contains (see {@link #mailboxCode}).
     */
    private static final String MAILBOX_CODE_OF_S =
            "char(57344 + s.rowid % 4096, 57344 + s.rowid / 4096 % 4096, 57344 + s.rowid / 16777216 % 4096)";

    /**
     * The search index's mark of a message with attachments (version 8), in the mailbox column after the
     * mailbox's code: three private-use characters outside the range mailbox codes use (U+E000 to U+EFFF).
     */
    static final String ATTACHMENT_CODE = "\uF8F0\uF8F1\uF8F2";
    private static final String ATTACHMENT_CODE_OF_NEW = attachmentCodeOf("new");

    /** The highest Sent Items id in the search index (version 10). */
    private static final String INDEXED_UPTO = "(SELECT upto FROM sent_items_indexed WHERE id = 1)";

    /**
     * What the index holds for the messages row {@code m} joined with its mailbox's sizes row {@code s}: the
     * columns in the order of {@code sent_items_search}, as the insert trigger writes them for {@code new}.
     */
    static final String INDEX_VALUES_OF_M = "m.id, m.subject, m.envelope_from, m.from_header, m.envelope_to, "
            + MAILBOX_CODE_OF_S + " || " + attachmentCodeOf("m");

    /** MIGRATIONS.get(n) takes the schema from version n to n + 1. Append only; never edit a shipped one. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
        """
        CREATE TABLE mailboxes (
          address TEXT PRIMARY KEY COLLATE NOCASE,
          display_name TEXT NOT NULL,
          password_hash TEXT NOT NULL,
          smtp_auth_enabled INTEGER,
          recipients_per_day INTEGER,
          send_as TEXT NOT NULL,
          save_to_sent_items INTEGER NOT NULL,
          quota_bytes INTEGER,
          send_limit_bytes INTEGER,
          allowed_networks TEXT NOT NULL,
          sent_items_retention_ms INTEGER)""",
        """
        CREATE TABLE tokens (
          id INTEGER PRIMARY KEY,
          mailbox TEXT NOT NULL COLLATE NOCASE REFERENCES mailboxes(address) ON DELETE CASCADE,
          token_hash TEXT NOT NULL,
          created INTEGER,
          UNIQUE (mailbox, token_hash))""",
        """
        CREATE TABLE settings (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          profile TEXT NOT NULL,
          smtp_auth_enabled INTEGER NOT NULL,
          host_name TEXT NOT NULL,
          deliver_to_header_recipients INTEGER NOT NULL,
          rewrite_display_name INTEGER NOT NULL,
          limits TEXT NOT NULL)""",
        """
        CREATE TABLE messages (
          id INTEGER PRIMARY KEY,
          mailbox TEXT NOT NULL COLLATE NOCASE,
          time INTEGER NOT NULL,
          envelope_from TEXT NOT NULL,
          envelope_to TEXT NOT NULL,
          authenticated_as TEXT,
          client_address TEXT,
          tls INTEGER NOT NULL,
          session_id TEXT,
          size INTEGER NOT NULL,
          subject TEXT,
          message_id TEXT,
          from_header TEXT,
          in_sent_items INTEGER NOT NULL)""",
        // Raw MIME apart from the listing columns, so listing and searching never page through bodies.
        """
        CREATE TABLE message_raw (
          message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
          raw BLOB NOT NULL)""",
        "CREATE INDEX messages_sent_items_by_mailbox ON messages(mailbox, time) WHERE in_sent_items = 1",
        "CREATE INDEX messages_sent_items_by_time ON messages(time) WHERE in_sent_items = 1",
        // message_id has no foreign key: a delivery stays on record after its Sent Items copy expires.
        """
        CREATE TABLE deliveries (
          id INTEGER PRIMARY KEY,
          message_id INTEGER NOT NULL,
          recipient TEXT NOT NULL COLLATE NOCASE,
          deliver_at INTEGER NOT NULL)""",
        "CREATE INDEX deliveries_by_recipient ON deliveries(recipient, deliver_at)",
        "CREATE INDEX deliveries_by_time ON deliveries(deliver_at)",
        "CREATE INDEX deliveries_by_message ON deliveries(message_id)",
        """
        CREATE TABLE submissions (
          id INTEGER PRIMARY KEY,
          time INTEGER NOT NULL,
          session_id TEXT,
          mailbox TEXT COLLATE NOCASE,
          client_address TEXT,
          envelope_from TEXT,
          envelope_to TEXT NOT NULL,
          recipients INTEGER NOT NULL,
          size INTEGER NOT NULL,
          accepted INTEGER NOT NULL,
          reply TEXT NOT NULL,
          message_id TEXT,
          deliver_at INTEGER,
          stored_message INTEGER)""",
        "CREATE INDEX submissions_accepted_by_time ON submissions(time) WHERE accepted = 1",
        "CREATE INDEX submissions_by_time ON submissions(time)",
        "CREATE INDEX submissions_by_mailbox ON submissions(mailbox, time)"),
        // Version 2: every index costs the writer an insert per row and a dirty page per commit. No query
        // looks deliveries up by message or by due time, and acceptedSince (once, at start) reads
        // submissions_by_time.
        List.of(
        "DROP INDEX deliveries_by_message",
        "DROP INDEX deliveries_by_time",
        "DROP INDEX submissions_accepted_by_time"),
        // Version 3: login lockouts and continuous-error throttling outlive a restart. A lockout is kept per
        // login name, which may be an address that is no mailbox (they are locked out alike).
        List.of(
        """
        CREATE TABLE login_lockouts (
          name TEXT PRIMARY KEY,
          failures INTEGER NOT NULL,
          last_failure INTEGER,
          locked_until INTEGER)""",
        """
        CREATE TABLE error_throttles (
          mailbox TEXT PRIMARY KEY COLLATE NOCASE,
          streak_kind TEXT,
          streak INTEGER NOT NULL,
          throttled_kind TEXT,
          throttled_until INTEGER)"""),
        // Version 4: Exchange as of 2026. The tenant's 2026 rules as JSON (like limits: a rule added later takes
        // its default); token expiry (NULL: issued before tokens expired, kept valid); a delivery that failed
        // (the NDR's reply, e.g. the tenant external recipient limit) and whether it counted as external.
        List.of(
        "ALTER TABLE settings ADD COLUMN rules TEXT",
        "ALTER TABLE tokens ADD COLUMN expires INTEGER",
        "ALTER TABLE deliveries ADD COLUMN failure TEXT",
        "ALTER TABLE deliveries ADD COLUMN external INTEGER NOT NULL DEFAULT 0",
        // Partial: only failed deliveries pay for it (a message trace looks up a message's failures).
        "CREATE INDEX deliveries_failed_by_message ON deliveries(message_id) WHERE failure IS NOT NULL"),
        // Version 5: the message trace finds a message by its Message-ID and an accepted one's deliveries
        // (which also serves the failed-deliveries lookup the partial index of version 4 was for).
        List.of(
        "CREATE INDEX submissions_by_message_id ON submissions(message_id)",
        "CREATE INDEX deliveries_by_message ON deliveries(message_id)",
        "DROP INDEX deliveries_failed_by_message"),
        // Version 6: the device inventory, one row per real client (EHLO name, address, login, mechanism).
        List.of(
        """
        CREATE TABLE clients (
          ehlo TEXT NOT NULL,
          address TEXT NOT NULL,
          login TEXT NOT NULL COLLATE NOCASE,
          mechanism TEXT NOT NULL,
          tls TEXT,
          cipher TEXT,
          first_seen INTEGER NOT NULL,
          last_seen INTEGER NOT NULL,
          sessions INTEGER NOT NULL,
          auth_failures INTEGER NOT NULL,
          accepted INTEGER NOT NULL,
          refusals TEXT NOT NULL,
          send_as TEXT NOT NULL,
          messages INTEGER NOT NULL,
          max_size INTEGER NOT NULL,
          total_size INTEGER NOT NULL,
          peak_in_flight INTEGER NOT NULL,
          slot_limit INTEGER NOT NULL,
          PRIMARY KEY (ehlo, address, login, mechanism))"""),
        // Version 7: Sent Items at a million messages (docs/decisions/0201-fts5-trigram-search.md,
        // 0202-keyset-paging.md, 0203-sent-items-sizes-table.md). Triggers keep both tables in step with
        // messages in the writer's own transaction, whatever statement adds or removes a row (commitAccepted,
        // retention, purge, mailbox removal). Messages are never updated; the update triggers keep it so if
        // one ever is.
        List.of(
        // Items and bytes per mailbox, read at start instead of a scan of every message. Its rowid also names
        // the mailbox in the search index (mailbox_code), so a row is never deleted.
        """
        CREATE TABLE sent_items_sizes (
          mailbox TEXT PRIMARY KEY COLLATE NOCASE,
          items INTEGER NOT NULL,
          bytes INTEGER NOT NULL)""",
        """
        INSERT INTO sent_items_sizes (mailbox, items, bytes)
          SELECT mailbox, count(*), sum(size) FROM messages WHERE in_sent_items = 1 GROUP BY mailbox""",
        // Substring search over the four searched columns: a contentless trigram index of the Sent Items rows
        // only (rowid = messages.id; contentless_delete removes a row by its rowid alone). Column mailbox holds
        // one trigram of private-use characters per mailbox (sent_items_sizes.rowid), so a search in one
        // mailbox is an AND of two index lookups rather than a walk through every match.
        """
        CREATE VIRTUAL TABLE sent_items_search USING fts5(subject, envelope_from, from_header, envelope_to, mailbox,
          content = '', contentless_delete = 1, tokenize = 'trigram')""",
        """
        INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
          SELECT m.id, m.subject, m.envelope_from, m.from_header, m.envelope_to, """ + MAILBOX_CODE_OF_S + """
          FROM messages m JOIN sent_items_sizes s ON s.mailbox = m.mailbox WHERE m.in_sent_items = 1""",
        "INSERT INTO sent_items_search (sent_items_search) VALUES ('optimize')",
        // One trigger per change, both tables in order (the sizes row names the mailbox in the index).
        """
        CREATE TRIGGER sent_items_insert AFTER INSERT ON messages WHEN new.in_sent_items = 1
        BEGIN
          INSERT INTO sent_items_sizes (mailbox, items, bytes) VALUES (new.mailbox, 1, new.size)
            ON CONFLICT (mailbox) DO UPDATE SET items = items + 1, bytes = bytes + excluded.bytes;
          INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
            SELECT new.id, new.subject, new.envelope_from, new.from_header, new.envelope_to, """ + MAILBOX_CODE_OF_S + """
            FROM sent_items_sizes s WHERE s.mailbox = new.mailbox;
        END""",
        """
        CREATE TRIGGER sent_items_delete AFTER DELETE ON messages WHEN old.in_sent_items = 1
        BEGIN
          UPDATE sent_items_sizes SET items = items - 1, bytes = bytes - old.size WHERE mailbox = old.mailbox;
          DELETE FROM sent_items_search WHERE rowid = old.id;
        END""",
        """
        CREATE TRIGGER sent_items_update
          AFTER UPDATE OF mailbox, size, subject, envelope_from, from_header, envelope_to, in_sent_items ON messages
        BEGIN
          UPDATE sent_items_sizes SET items = items - 1, bytes = bytes - old.size
            WHERE mailbox = old.mailbox AND old.in_sent_items = 1;
          DELETE FROM sent_items_search WHERE rowid = old.id AND old.in_sent_items = 1;
          INSERT INTO sent_items_sizes (mailbox, items, bytes) SELECT new.mailbox, 1, new.size WHERE new.in_sent_items = 1
            ON CONFLICT (mailbox) DO UPDATE SET items = items + 1, bytes = bytes + excluded.bytes;
          INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
            SELECT new.id, new.subject, new.envelope_from, new.from_header, new.envelope_to, """ + MAILBOX_CODE_OF_S + """
            FROM sent_items_sizes s WHERE s.mailbox = new.mailbox AND new.in_sent_items = 1;
        END""",
        // Keyset paging newest first: all Sent Items by id, one mailbox's by (mailbox, id) (an index ends with
        // the rowid). They replace the index by time, which only the full listing (sent-items) still sorts by.
        "CREATE INDEX messages_sent_items_by_id ON messages(in_sent_items) WHERE in_sent_items = 1",
        "DROP INDEX messages_sent_items_by_time",
        "CREATE INDEX messages_sent_items_by_mailbox_id ON messages(mailbox) WHERE in_sent_items = 1"),
        // Version 8: has:attachment (docs/decisions/0206-search-syntax-and-attachments.md). The write path sets
        // attachments (1 or 0) of a Sent Items row from the MIME structure. The rows already stored are NULL until
        // AttachmentBackfill has looked at them, after the migration, in transactions of its own: it goes up
        // through the ids in attachments_backfill (next_id to last_id) and sets only the 1s (NULL below next_id:
        // none). A Sent Items row with attachments has the attachment code beside its mailbox code in the
        // index's mailbox column, so has:attachment is one more index lookup.
        List.of(
        "ALTER TABLE messages ADD COLUMN attachments INTEGER",
        """
        CREATE TABLE attachments_backfill (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          next_id INTEGER NOT NULL,
          last_id INTEGER NOT NULL)""",
        "INSERT INTO attachments_backfill (id, next_id, last_id) SELECT 1, 1, coalesce(max(id), 0) FROM messages",
        "DROP TRIGGER sent_items_insert",
        """
        CREATE TRIGGER sent_items_insert AFTER INSERT ON messages WHEN new.in_sent_items = 1
        BEGIN
          INSERT INTO sent_items_sizes (mailbox, items, bytes) VALUES (new.mailbox, 1, new.size)
            ON CONFLICT (mailbox) DO UPDATE SET items = items + 1, bytes = bytes + excluded.bytes;
          INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
            SELECT new.id, new.subject, new.envelope_from, new.from_header, new.envelope_to, """
            + MAILBOX_CODE_OF_S + " || " + ATTACHMENT_CODE_OF_NEW + """
            FROM sent_items_sizes s WHERE s.mailbox = new.mailbox;
        END""",
        "DROP TRIGGER sent_items_update",
        """
        CREATE TRIGGER sent_items_update
          AFTER UPDATE OF mailbox, size, subject, envelope_from, from_header, envelope_to, in_sent_items ON messages
        BEGIN
          UPDATE sent_items_sizes SET items = items - 1, bytes = bytes - old.size
            WHERE mailbox = old.mailbox AND old.in_sent_items = 1;
          DELETE FROM sent_items_search WHERE rowid = old.id AND old.in_sent_items = 1;
          INSERT INTO sent_items_sizes (mailbox, items, bytes) SELECT new.mailbox, 1, new.size WHERE new.in_sent_items = 1
            ON CONFLICT (mailbox) DO UPDATE SET items = items + 1, bytes = bytes + excluded.bytes;
          INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
            SELECT new.id, new.subject, new.envelope_from, new.from_header, new.envelope_to, """
            + MAILBOX_CODE_OF_S + " || " + ATTACHMENT_CODE_OF_NEW + """
            FROM sent_items_sizes s WHERE s.mailbox = new.mailbox AND new.in_sent_items = 1;
        END""",
        // Only when the row gains or loses the code: the backfill's 0s (most rows) cost the index nothing.
        """
        CREATE TRIGGER sent_items_attachments AFTER UPDATE OF attachments ON messages
          WHEN new.in_sent_items = 1 AND (coalesce(new.attachments, 0) = 1) <> (coalesce(old.attachments, 0) = 1)
        BEGIN
          DELETE FROM sent_items_search WHERE rowid = new.id;
          INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
            SELECT new.id, new.subject, new.envelope_from, new.from_header, new.envelope_to, """
            + MAILBOX_CODE_OF_S + " || " + ATTACHMENT_CODE_OF_NEW + """
            FROM sent_items_sizes s WHERE s.mailbox = new.mailbox;
        END"""),
        // Version 9: with the display-name replay switch on, the From field as the device wrote it and as
        // delivered, beside the submission (kept when its Sent Items copy goes), so the trace shows the rewrite.
        List.of("ALTER TABLE submissions ADD COLUMN from_rewrite TEXT"),
        // Version 10: the search index behind the writer (docs/decisions/0207-search-index-behind-the-writer.md).
        // Sent Items rows up to sent_items_indexed.upto are in the index; SearchIndexer adds the newer ones when the
        // writer is idle (or is far behind), and searches look at those with LIKE. The triggers touch the index
        // only for rows it holds; a new row at or below upto (an id reused after the newest was deleted) goes in
        // at once.
        List.of(
        """
        CREATE TABLE sent_items_indexed (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          upto INTEGER NOT NULL)""",
        "INSERT INTO sent_items_indexed (id, upto) SELECT 1, coalesce(max(id), 0) FROM messages",
        "DROP TRIGGER sent_items_insert",
        """
        CREATE TRIGGER sent_items_insert AFTER INSERT ON messages WHEN new.in_sent_items = 1
        BEGIN
          INSERT INTO sent_items_sizes (mailbox, items, bytes) VALUES (new.mailbox, 1, new.size)
            ON CONFLICT (mailbox) DO UPDATE SET items = items + 1, bytes = bytes + excluded.bytes;
          INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
            SELECT new.id, new.subject, new.envelope_from, new.from_header, new.envelope_to, """
            + MAILBOX_CODE_OF_S + " || " + ATTACHMENT_CODE_OF_NEW + " " + """
            FROM sent_items_sizes s WHERE s.mailbox = new.mailbox AND new.id <= """ + INDEXED_UPTO + " " + """
        ;
        END""",
        "DROP TRIGGER sent_items_delete",
        """
        CREATE TRIGGER sent_items_delete AFTER DELETE ON messages WHEN old.in_sent_items = 1
        BEGIN
          UPDATE sent_items_sizes SET items = items - 1, bytes = bytes - old.size WHERE mailbox = old.mailbox;
          DELETE FROM sent_items_search WHERE rowid = old.id AND old.id <= """ + INDEXED_UPTO + " " + """
        ;
        END""",
        "DROP TRIGGER sent_items_update",
        """
        CREATE TRIGGER sent_items_update
          AFTER UPDATE OF mailbox, size, subject, envelope_from, from_header, envelope_to, in_sent_items ON messages
        BEGIN
          UPDATE sent_items_sizes SET items = items - 1, bytes = bytes - old.size
            WHERE mailbox = old.mailbox AND old.in_sent_items = 1;
          DELETE FROM sent_items_search WHERE rowid = old.id AND old.in_sent_items = 1 AND old.id <= """
            + INDEXED_UPTO + " " + """
        ;
          INSERT INTO sent_items_sizes (mailbox, items, bytes) SELECT new.mailbox, 1, new.size WHERE new.in_sent_items = 1
            ON CONFLICT (mailbox) DO UPDATE SET items = items + 1, bytes = bytes + excluded.bytes;
          INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
            SELECT new.id, new.subject, new.envelope_from, new.from_header, new.envelope_to, """
            + MAILBOX_CODE_OF_S + " || " + ATTACHMENT_CODE_OF_NEW + " " + """
            FROM sent_items_sizes s WHERE s.mailbox = new.mailbox AND new.in_sent_items = 1
              AND new.id <= """ + INDEXED_UPTO + " " + """
        ;
        END""",
        "DROP TRIGGER sent_items_attachments",
        """
        CREATE TRIGGER sent_items_attachments AFTER UPDATE OF attachments ON messages
          WHEN new.in_sent_items = 1 AND (coalesce(new.attachments, 0) = 1) <> (coalesce(old.attachments, 0) = 1)
            AND new.id <= """ + INDEXED_UPTO + " " + """
        BEGIN
          DELETE FROM sent_items_search WHERE rowid = new.id;
          INSERT INTO sent_items_search (rowid, subject, envelope_from, from_header, envelope_to, mailbox)
            SELECT new.id, new.subject, new.envelope_from, new.from_header, new.envelope_to, """
            + MAILBOX_CODE_OF_S + " || " + ATTACHMENT_CODE_OF_NEW + " " + """
            FROM sent_items_sizes s WHERE s.mailbox = new.mailbox;
        END"""));

    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /** ATTACHMENT_CODE when the messages row {@code row} has attachments, else nothing (SQL). */
    private static String attachmentCodeOf(String row) {
        return "CASE WHEN " + row + ".attachments = 1 THEN char(63728, 63729, 63730) ELSE '' END";
    }

    /** The search index's name for the mailbox whose sizes row has {@code rowid}, as MAILBOX_CODE_OF_S makes it. */
    static String mailboxCode(long rowid) {
        return new String(new int[] {0xE000 + (int) (rowid % 4096), 0xE000 + (int) (rowid / 4096 % 4096),
            0xE000 + (int) (rowid / 16_777_216 % 4096)}, 0, 3);
    }

    /** The statements that take the schema from {@code version} to {@code version + 1} (tests build old files). */
    static List<String> migration(int version) {
        return MIGRATIONS.get(version);
    }

    /** Checks the file is ours (or empty), switches it to WAL and brings the schema up to date. */
    static void prepare(Connection c, Path file) throws SQLException {
        int version = checkOwnershipInOneSnapshot(c, file);
        enableWal(c, file);
        if (version == CURRENT_VERSION) {
            AttachmentBackfill.run(c, file);
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                version = checkOwnership(c, file);
                for (int v = version; v < CURRENT_VERSION; v++) {
                    for (String sql : MIGRATIONS.get(v)) {
                        s.execute(sql);
                    }
                    LOG.info("Migrated {} to schema version {}", file, v + 1);
                }
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + CURRENT_VERSION);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(s);
                throw e;
            }
        }
        AttachmentBackfill.run(c, file);
    }

    /** Checks, without writing, that the file is a SubmitLab database this version can read; returns its version. */
    static int checkReadable(Connection c, Path file) throws SQLException {
        int version = checkOwnershipInOneSnapshot(c, file);
        if (version == 0) {
            throw new StoreException("There is no SubmitLab data in " + file + " yet (an empty database)");
        }
        return version;
    }

    /**
     * {@link #checkOwnership} in one read transaction: its pragmas and table list must come from the same
     * snapshot, or another process committing the first migration in between makes a fresh file look like
     * another program's database.
     */
    private static int checkOwnershipInOneSnapshot(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            try {
                return checkOwnership(c, file);
            } finally {
                rollbackQuietly(s);
            }
        }
    }

    /** The schema version of a SubmitLab file, 0 for an empty file; fails for anything else. */
    private static int checkOwnership(Connection c, Path file) throws SQLException {
        int applicationId = pragmaInt(c, "application_id");
        int version = pragmaInt(c, "user_version");
        if (applicationId == APPLICATION_ID) {
            if (version > CURRENT_VERSION) {
                throw new StoreException(file + " was written by a newer SubmitLab (schema version " + version
                        + "; this version knows up to " + CURRENT_VERSION + "). Use the newer SubmitLab or another data folder.");
            }
            return version;
        }
        List<String> tables = tables(c);
        if (applicationId == 0 && version == 0 && tables.isEmpty()) {
            return 0;
        }
        throw new StoreException(file + " is not a SubmitLab database (it is an SQLite database of another program"
                + (tables.isEmpty() ? "" : ", with tables " + tables) + "). Choose another data folder.");
    }

    private static void enableWal(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            String mode = queryString(s, "PRAGMA journal_mode");
            if (!"wal".equalsIgnoreCase(mode)) {
                mode = switchToWal(s);
            }
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn("{} could not be switched to write-ahead logging (journal mode is {}); "
                        + "readers may wait for the writer", file, mode);
            }
        }
    }

    /**
     * Switching needs the file to itself, and SQLite answers SQLITE_BUSY at once (without its busy handler)
     * while another connection, e.g. a second process opening the same fresh folder, reads it: retry.
     */
    private static String switchToWal(Statement s) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Database.BUSY_TIMEOUT_MILLIS);
        while (true) {
            try {
                return queryString(s, "PRAGMA journal_mode = WAL");
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xFF) != SQLiteErrorCode.SQLITE_BUSY.code || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(WAL_SWITCH_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String queryString(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback after a failed migration failed too", e);
        }
    }
}
