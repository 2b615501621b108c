package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema version 8: messages stored before it are checked for attachments once, whichever way the file opens. */
class AttachmentBackfillTest {

    private static final String BOX = "scanner@contoso.test";
    private static final byte[] WITH = MimeFixtures.withAttachment(BOX, "a@fabrikam.test", "Scan", "x", "scan.pdf");
    private static final byte[] HTML = MimeFixtures.htmlOnly(BOX, "a@fabrikam.test", "Report", "<p>fine</p>");
    private static final byte[] PLAIN = MimeFixtures.plain(BOX, "a@fabrikam.test", "Alert", "Toner low");

    @TempDir
    Path dir;

    @Test
    void aVersionSevenFileHasItsSentItemsCheckedWhenItIsOpened() throws Exception {
        Path data = versionSeven("v7");
        insert(data, "Scan with a PDF", WITH, true);
        insert(data, "HTML report", HTML, true);
        insert(data, "Toner alert", PLAIN, true);
        insert(data, "HVE scan, no copy", WITH, false);

        try (Store store = Store.open(data)) {
            assertThat(subjects(store, "has:attachment")).containsExactly("Scan with a PDF");
            assertThat(subjects(store, "has:attachment report")).isEmpty();
            assertThat(store.sentItems().count(Optional.empty(), "")).isEqualTo(3);
        }
        // Only the messages with attachments are written; the others' NULL means none once the backfill is past.
        assertThat(column(data)).containsExactly("1", null, null, null);
        assertThat(pending(data)).isFalse();
    }

    @Test
    void moreMessagesThanOneBatchAreAllChecked() throws Exception {
        Path data = versionSeven("many");
        int n = AttachmentBackfill.BATCH * 2 + 17;
        try (Connection c = connect(data); PreparedStatement raw = c.prepareStatement(
                "INSERT INTO message_raw (message_id, raw) VALUES (?, ?)"); Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < " + n + ")"
                    + " INSERT INTO messages (id, mailbox, time, envelope_from, envelope_to, tls, size, subject,"
                    + " in_sent_items) SELECT n, '" + BOX + "', n, '" + BOX + "', '[]', 1, 10, 'Scan ' || n, 1 FROM i");
            for (int id = 1; id <= n; id++) {
                raw.setLong(1, id);
                raw.setBytes(2, id % 5 == 0 ? WITH : PLAIN);
                raw.executeUpdate();
            }
            s.execute("COMMIT");
        }
        try (Store store = Store.open(data)) {
            assertThat(store.sentItems().count(Optional.empty(), "has:attachment")).isEqualTo(n / 5);
            assertThat(store.sentItems().page(Optional.empty(), "has:attachment", 0, 1).get(0).subject())
                    .isEqualTo("Scan " + (n / 5 * 5));
        }
        assertThat(pending(data)).isFalse();
    }

    @Test
    void aVersionSevenFileOpenedReadOnlyForReviewIsCheckedToo() throws Exception {
        Path data = versionSeven("old-run");
        insert(data, "Scan with a PDF", WITH, true);
        insert(data, "Toner alert", PLAIN, true);
        try (Store review = Store.openReadOnly(data)) {
            assertThat(subjects(review, "has:attachment")).containsExactly("Scan with a PDF");
        }
    }

    @Test
    void aBackfillCutShortIsFinishedByTheNextOpenEvenAReadOnlyOne() throws Exception {
        Path data = dir.resolve("cut");
        try (Store store = Store.open(data)) {
            Fixtures.commit(store, MimeFixtures.draft(BOX, Fixtures.T0, BOX, List.of("a@x.test"), "Scan one", WITH));
            Fixtures.commit(store, MimeFixtures.draft(BOX, Fixtures.T0.plusSeconds(1), BOX, List.of("a@x.test"),
                    "Alert", PLAIN));
            Fixtures.commit(store, MimeFixtures.draft(BOX, Fixtures.T0.plusSeconds(2), BOX, List.of("a@x.test"),
                    "Scan two", WITH));
            Fixtures.awaitIndexed(store);
        }
        // As if a kill had stopped the backfill before these rows: not looked at, no mark in the index.
        try (Connection c = connect(data); Statement s = c.createStatement()) {
            s.execute("UPDATE messages SET attachments = NULL WHERE id >= 2");
            s.execute("UPDATE attachments_backfill SET next_id = 2, last_id = 3");
        }
        assertThat(pending(data)).isTrue();
        try (Connection c = connect(data); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM sent_items_search WHERE sent_items_search MATCH 'mailbox : \""
                        + Schema.ATTACHMENT_CODE + "\"'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }

        try (Store review = Store.openReadOnly(data)) {
            assertThat(subjects(review, "has:attachment")).containsExactly("Scan two", "Scan one");
        }
        assertThat(column(data)).containsExactly("1", null, "1");
        assertThat(pending(data)).isFalse();
    }

    @Test
    void aNewFileHasNothingToCheckAndMessagesStoredAfterTheUpgradeAreNotCheckedAgain() throws Exception {
        Path data = versionSeven("upgraded");
        insert(data, "Old scan", WITH, true);
        try (Store store = Store.open(data)) {
            Fixtures.commit(store, MimeFixtures.draft(BOX, Fixtures.T0, BOX, List.of("a@x.test"), "New scan", WITH));
        }
        assertThat(pending(data)).isFalse();
        assertThat(column(data)).containsExactly("1", "1");
        Path fresh = dir.resolve("fresh");
        Store.open(fresh).close();
        assertThat(pending(fresh)).isFalse();
    }

    @Test
    void aMessageWithoutItsRawMimeCountsAsWithoutAttachments() throws Exception {
        Path data = versionSeven("no-raw");
        try (Connection c = connect(data); Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages (mailbox, time, envelope_from, envelope_to, tls, size, subject,"
                    + " in_sent_items) VALUES ('" + BOX + "', 1, '" + BOX + "', '[]', 1, 10, 'No raw', 1)");
        }
        try (Store store = Store.open(data)) {
            assertThat(subjects(store, "has:attachment")).isEmpty();
            assertThat(subjects(store, "raw")).containsExactly("No raw");
        }
        assertThat(pending(data)).isFalse();
    }

    /** A data folder as SubmitLab's schema version 7 left it. */
    private Path versionSeven(String name) throws Exception {
        Path data = dir.resolve(name);
        Files.createDirectories(data);
        try (Connection c = connect(data); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            for (int v = 0; v < 7; v++) {
                for (String sql : Schema.migration(v)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            s.execute("PRAGMA user_version = 7");
        }
        return data;
    }

    private static void insert(Path data, String subject, byte[] raw, boolean inSentItems) throws SQLException {
        try (Connection c = connect(data)) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages (mailbox, time, envelope_from,"
                    + " envelope_to, tls, size, subject, from_header, in_sent_items) VALUES (?, 1, ?, '[\"a@fabrikam.test\"]',"
                    + " 1, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, BOX);
                ps.setString(2, BOX);
                ps.setLong(3, raw.length);
                ps.setString(4, subject);
                ps.setString(5, BOX);
                ps.setInt(6, inSentItems ? 1 : 0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO message_raw (message_id, raw) VALUES (?, ?)")) {
                ps.setLong(1, id);
                ps.setBytes(2, raw);
                ps.executeUpdate();
            }
        }
    }

    private static List<String> subjects(Store store, String search) {
        return store.sentItems().page(Optional.empty(), search, 0, 100).stream().map(SentItem::subject).toList();
    }

    private static List<String> column(Path data) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(data); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT attachments FROM messages ORDER BY id")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static boolean pending(Path data) throws SQLException {
        try (Connection c = connect(data)) {
            return AttachmentBackfill.pending(c);
        }
    }

    private static Connection connect(Path data) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME));
    }
}
