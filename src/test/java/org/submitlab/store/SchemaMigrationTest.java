package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    private static final List<String> DROPPED_IN_V2 = List.of("deliveries_by_message", "submissions_accepted_by_time");

    @TempDir
    Path dir;

    @Test
    void aVersionOneFileIsMigratedToTheCurrentVersionAndKeepsItsData() throws Exception {
        Path data = dir.resolve("v1");
        writeVersionOneFile(data.resolve(Store.FILE_NAME));
        assertThat(indexes(data)).containsAll(DROPPED_IN_V2);

        try (Store store = Store.open(data)) {
            assertThat(store.sentItems().count(Optional.of("a@contoso.test"), "")).isEqualTo(1);
            assertThat(store.sentItems().raw(1)).hasValueSatisfying(raw -> assertThat(new String(raw)).isEqualTo("v1 raw"));
            assertThat(store.deliveries().forRecipient("x@fabrikam.test"))
                    .containsExactly(new Delivery(1, "x@fabrikam.test", Fixtures.T0));
            assertThat(store.submissions().acceptedSince(Fixtures.T0.minusSeconds(1)))
                    .containsExactly(new RecipientUse("a@contoso.test", Fixtures.T0, 1));

            SentItemDraft d = Fixtures.draft("a@contoso.test", Fixtures.T0.plusSeconds(60), "after migration",
                    List.of("x@fabrikam.test"));
            assertThat(Fixtures.commit(store, d)).isEqualTo(2);
            assertThat(store.deliveries().countByRecipient()).containsExactly(Map.entry("x@fabrikam.test", 2L));
        }
        assertThat(userVersion(data)).isEqualTo(Schema.CURRENT_VERSION).isEqualTo(10);
        // Version 5 brought deliveries_by_message back for the message trace.
        assertThat(indexes(data)).doesNotContain("submissions_accepted_by_time").contains("deliveries_by_message");
    }

    @Test
    void aVersionThreeFileKeepsItsSettingsAndTokensAndGetsTheRulesAtTheirDefaults() throws Exception {
        Path data = dir.resolve("v3");
        java.nio.file.Files.createDirectories(data);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            for (int v = 0; v < 3; v++) {
                for (String sql : Schema.migration(v)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            s.execute("PRAGMA user_version = 3");
            s.execute("INSERT INTO mailboxes (address, display_name, password_hash, send_as, save_to_sent_items,"
                    + " allowed_networks) VALUES ('a@contoso.test', 'A', 'x', '[]', 1, '[]')");
            s.execute("INSERT INTO tokens (mailbox, token_hash, created) VALUES ('a@contoso.test', 'h1', 0)");
            s.execute("INSERT INTO settings (id, profile, smtp_auth_enabled, host_name, deliver_to_header_recipients,"
                    + " rewrite_display_name, limits) VALUES (1, 'basic-auth-off', 0, 'h.test', 0, 0, '{}')");
        }

        try (Store store = Store.open(data)) {
            org.submitlab.policy.TenantSettings t = store.settings().load();
            assertThat(t.profile()).isEqualTo(org.submitlab.policy.Profile.BASIC_AUTH_OFF);
            assertThat(t.smtpAuthEnabled()).isFalse();
            assertThat(t.rules()).isEqualTo(org.submitlab.policy.TenantRules.defaults());
            assertThat(t.basicAuth()).isEqualTo(org.submitlab.policy.BasicAuth.DISABLED);
            assertThat(store.mailboxes().hasValidToken("a@contoso.test", "h1", Fixtures.T0.plusSeconds(86_400 * 999)))
                    .isTrue();
            store.settings().save(t.with(org.submitlab.policy.Settings.LICENCES, 42));
            assertThat(store.settings().load().rules().licences()).isEqualTo(42);
        }
    }

    @Test
    void aMigratedFileHasExactlyTheSchemaOfAFreshOne() throws Exception {
        Path migrated = dir.resolve("migrated");
        writeVersionOneFile(migrated.resolve(Store.FILE_NAME));
        Store.open(migrated).close();
        Path fresh = dir.resolve("fresh");
        Store.open(fresh).close();

        assertThat(schema(migrated)).isEqualTo(schema(fresh));
        assertThat(indexes(fresh)).containsExactlyInAnyOrder(
                "messages_sent_items_by_mailbox", "messages_sent_items_by_mailbox_id", "messages_sent_items_by_id",
                "deliveries_by_recipient", "deliveries_by_message", "submissions_by_message_id",
                "submissions_by_time", "submissions_by_mailbox");
    }

    @Test
    void readingAcceptedSubmissionsSinceAnInstantStillUsesAnIndexOnTime() throws Exception {
        Path data = dir.resolve("plan");
        Store.open(data).close();
        String plan = queryPlan(data, SubmissionLog.ACCEPTED_SINCE);
        assertThat(plan).contains("USING INDEX submissions_by_time").doesNotContain("TEMP B-TREE");
    }

    /** A database exactly as SubmitLab's schema version 1 left it, with one accepted message. */
    private static void writeVersionOneFile(Path file) throws Exception {
        java.nio.file.Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            for (String sql : Schema.migration(0)) {
                s.execute(sql);
            }
            s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            s.execute("PRAGMA user_version = 1");
            long t0 = Fixtures.T0.toEpochMilli();
            s.execute("INSERT INTO messages (id, mailbox, time, envelope_from, envelope_to, tls, size, subject,"
                    + " in_sent_items) VALUES (1, 'a@contoso.test', " + t0
                    + ", 'a@contoso.test', '[\"x@fabrikam.test\"]', 1, 6, 'v1', 1)");
            s.execute("INSERT INTO message_raw (message_id, raw) VALUES (1, CAST('v1 raw' AS BLOB))");
            s.execute("INSERT INTO deliveries (message_id, recipient, deliver_at) VALUES (1, 'x@fabrikam.test', "
                    + t0 + ")");
            s.execute("INSERT INTO submissions (time, mailbox, envelope_to, recipients, size, accepted, reply,"
                    + " stored_message) VALUES (" + t0 + ", 'a@contoso.test', '[\"x@fabrikam.test\"]', 1, 6, 1,"
                    + " '250 2.0.0 OK', 1)");
        }
    }

    private static List<String> indexes(Path data) throws SQLException {
        return strings(data, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name");
    }

    private static List<String> schema(Path data) throws SQLException {
        return strings(data, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY name");
    }

    private static int userVersion(Path data) throws SQLException {
        return Integer.parseInt(strings(data, "PRAGMA user_version").get(0));
    }

    private static String queryPlan(Path data, String sql) throws SQLException {
        return String.join("\n", strings(data, "EXPLAIN QUERY PLAN " + sql));
    }

    private static List<String> strings(Path data, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int column = rs.getMetaData().getColumnCount(); // EXPLAIN QUERY PLAN: id, parent, notused, detail
            while (rs.next()) {
                values.add(rs.getString(column));
            }
        }
        return values;
    }
}
