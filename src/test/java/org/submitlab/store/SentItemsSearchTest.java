package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.Fixtures.T0;
import static org.submitlab.store.Fixtures.commit;
import static org.submitlab.store.Fixtures.draft;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trigram index, the sizes table and keyset paging agree with the messages table. */
class SentItemsSearchTest {

    private static final String SCANNER = "scanner@contoso.test";
    private static final String PRINTER = "printer@contoso.test";

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest(name = "''{0}'' finds {1}")
    @CsvSource(delimiter = '|', value = {
        "voice M        | Invoice March",          // inside a word, across a space, any case
        "INVOICE        | Invoice March",
        "ner lo         | Toner low",
        "lpdesk@cont    | Toner low",              // an envelope recipient
        "fabrikam       | Invoice March,Toner empty",
        "Device <print  | Toner low,Toner empty",  // the From header
        "r@contoso.test | Invoice March,Toner low,Toner empty", // the envelope sender
        "zzz            | ''",
    })
    void aTermOfThreeOrMoreCharactersMatchesAnyOfTheFourColumnsAsASubstring(String term, String subjects) {
        commitThree();
        List<String> expected = subjects.isEmpty() ? List.of() : List.of(subjects.split(","));
        assertThat(subjectsOf(Optional.empty(), term)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.sentItems().count(Optional.empty(), term)).isEqualTo(expected.size());
    }

    @ParameterizedTest(name = "''{0}'' finds {1}")
    @CsvSource(delimiter = '|', value = {
        "CH | Invoice March",
        "in | Invoice March,Toner low,Toner empty", // INvoice, prINter in the From header
        "w  | Toner low",
        "%  | ''",                        // LIKE's wildcards are literal
        "_  | ''",
    })
    void aTermOfOneOrTwoCharactersIsLookedForWithoutTheIndex(String term, String subjects) {
        commitThree();
        List<String> expected = subjects.isEmpty() ? List.of() : List.of(subjects.split(","));
        assertThat(subjectsOf(Optional.empty(), term)).containsExactlyInAnyOrderElementsOf(expected);
        SentItemsCount count = store.sentItems().countUpTo(Optional.empty(), term, 10_000);
        assertThat(count).isEqualTo(new SentItemsCount(expected.size(), true, 0));
    }

    @Test
    void fts5OperatorsAndQuotesInsideAWordAreLiteralText() {
        commit(store, draft(SCANNER, T0, "say \"hi\" AND NOT bye*", List.of("a@x.test")));
        commit(store, draft(SCANNER, T0.plusSeconds(1), "say hi, bye", List.of("a@x.test")));
        assertThat(subjectsOf(Optional.empty(), "\"hi\" AND")).containsExactly("say \"hi\" AND NOT bye*");
        assertThat(subjectsOf(Optional.empty(), "bye*")).containsExactly("say \"hi\" AND NOT bye*");
        assertThat(subjectsOf(Optional.empty(), "say\"hi\"")).isEmpty(); // the quotes are characters here
        assertThat(subjectsOf(Optional.empty(), "y\"hi\"")).isEmpty();
        // The phrase "y " then the word hi" (its quote a character): only the first has both.
        assertThat(subjectsOf(Optional.empty(), "\"y \"hi\"")).containsExactly("say \"hi\" AND NOT bye*");
        assertThat(subjectsOf(Optional.empty(), "NOT")).containsExactly("say \"hi\" AND NOT bye*");
        assertThat(subjectsOf(Optional.empty(), "OR bye")).isEmpty();
    }

    @Test
    void messagesKeptOutOfSentItemsAreNeverFound() {
        commit(store, draft(SCANNER, T0, "hidden invoice", List.of("a@x.test"), false));
        commit(store, draft(SCANNER, T0.plusSeconds(1), "listed invoice", List.of("a@x.test")));
        assertThat(subjectsOf(Optional.empty(), "invoice")).containsExactly("listed invoice");
        assertThat(store.sentItems().count(Optional.of(SCANNER), "")).isEqualTo(1);
    }

    @Test
    void aSearchInOneMailboxFindsOnlyThatMailboxsMessages() {
        commitThree();
        assertThat(subjectsOf(Optional.of(PRINTER), "toner")).containsExactly("Toner empty", "Toner low");
        assertThat(subjectsOf(Optional.of(SCANNER), "toner")).isEmpty();
        assertThat(subjectsOf(Optional.of("Scanner@Contoso.TEST"), "fabrikam")).containsExactly("Invoice March");
        assertThat(subjectsOf(Optional.of("nobody@contoso.test"), "toner")).isEmpty();
        assertThat(store.sentItems().count(Optional.of(PRINTER), "fabrikam")).isEqualTo(1);
    }

    @Test
    void retentionRemovesItemsFromTheSearchAndTheSizes() {
        commit(store, draft(SCANNER, T0, "old invoice", List.of("a@x.test")));
        SentItemDraft kept = draft(SCANNER, T0.plus(Duration.ofDays(2)), "new invoice", List.of("a@x.test"));
        commit(store, kept);
        commit(store, draft(PRINTER, T0, "printer invoice", List.of("a@x.test")));

        assertThat(store.sentItems().deleteOlderThan(SCANNER, T0.plus(Duration.ofDays(1)))).isEqualTo(1);
        Fixtures.awaitIndexed(store);

        assertThat(subjectsOf(Optional.empty(), "invoice")).containsExactly("printer invoice", "new invoice");
        assertThat(subjectsOf(Optional.of(SCANNER), "old")).isEmpty();
        assertThat(store.sentItems().count(Optional.of(SCANNER), "")).isEqualTo(1);
        assertThat(store.sentItems().totalSizeByMailbox()).containsEntry(SCANNER, kept.size());
        assertThat(indexedRows()).isEqualTo(2);
    }

    @Test
    void deletingOneMessageTakesItOutOfTheListTheSearchAndTheSizeButKeepsItsDeliveries() {
        long gone = commit(store, draft(SCANNER, T0, "wrong scan", List.of("a@x.test")));
        SentItemDraft kept = draft(SCANNER, T0.plusSeconds(5), "right scan", List.of("a@x.test"));
        commit(store, kept);

        assertThat(store.sentItems().delete(gone)).isTrue();
        assertThat(store.sentItems().delete(gone)).isFalse();
        Fixtures.awaitIndexed(store);

        assertThat(subjectsOf(Optional.empty(), "scan")).containsExactly("right scan");
        assertThat(store.sentItems().find(gone)).isEmpty();
        assertThat(store.sentItems().raw(gone)).isEmpty();
        assertThat(store.sentItems().totalSizeByMailbox()).containsEntry(SCANNER, kept.size());
        assertThat(indexedRows()).isEqualTo(1);
        assertThat(store.deliveries().forRecipient("a@x.test")).hasSize(2);
    }

    @Test
    void purgingAMailboxEmptiesItsSearchAndDropsItsSizeAndLaterMessagesAreFoundAgain() {
        commitThree();
        store.sentItems().deleteOlderThan(PRINTER, T0.plus(Duration.ofDays(36_500)));
        Fixtures.awaitIndexed(store);

        assertThat(subjectsOf(Optional.empty(), "toner")).isEmpty();
        assertThat(subjectsOf(Optional.of(PRINTER), "")).isEmpty();
        assertThat(store.sentItems().totalSizeByMailbox()).containsOnlyKeys(SCANNER);
        assertThat(indexedRows()).isEqualTo(1);

        commit(store, draft(PRINTER, T0.plusSeconds(60), "Toner again", List.of("a@x.test")));
        assertThat(subjectsOf(Optional.of(PRINTER), "toner")).containsExactly("Toner again");
    }

    @Test
    void sizesPerMailboxAreTheSumOfTheirItems() {
        long scanner = 0;
        long printer = 0;
        for (int i = 0; i < 20; i++) {
            SentItemDraft d = draft(i % 3 == 0 ? SCANNER : PRINTER, T0.plusSeconds(i), "m" + "x".repeat(i), List.of("a@x.test"));
            commit(store, d);
            if (i % 3 == 0) {
                scanner += d.size();
            } else {
                printer += d.size();
            }
        }
        commit(store, draft(SCANNER, T0, "not in Sent Items", List.of("a@x.test"), false));
        assertThat(store.sentItems().totalSizeByMailbox()).isEqualTo(Map.of(PRINTER, printer, SCANNER, scanner));
        assertThat(store.sentItems().count(Optional.of(SCANNER), "")).isEqualTo(7);
        assertThat(store.sentItems().count(Optional.empty(), "")).isEqualTo(20);
    }

    @Test
    void aCountStopsAtItsCapAndSaysSo() {
        for (int i = 0; i < 30; i++) {
            commit(store, draft(SCANNER, T0.plusSeconds(i), "Scan " + i, List.of("a@x.test")));
        }
        assertThat(store.sentItems().countUpTo(Optional.empty(), "scan", 10)).isEqualTo(new SentItemsCount(10, false, 0));
        assertThat(store.sentItems().countUpTo(Optional.empty(), "scan", 30)).isEqualTo(new SentItemsCount(30, true, 0));
        assertThat(store.sentItems().countUpTo(Optional.empty(), "", 10)).isEqualTo(new SentItemsCount(30, true, 0));
    }

    @Test
    void pagingByKeyGivesTheSameRowsAsPagingByOffsetAllTheWayDown() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 237; i++) {
            ids.add(commit(store, draft(i % 2 == 0 ? SCANNER : PRINTER, T0.plusSeconds(i), "Scan " + i, List.of("a@x.test"))));
        }
        for (Optional<String> mailbox : List.of(Optional.<String>empty(), Optional.of(PRINTER))) {
            for (String term : List.of("", "scan", "1", "Scan 1")) {
                List<Long> byKey = new ArrayList<>();
                long before = Long.MAX_VALUE;
                for (int offset = 0; ; offset += 20) {
                    List<Long> page = ids(store.sentItems().before(mailbox, term, before, 20));
                    assertThat(page).as("page at %d of %s %s", offset, mailbox, term)
                            .isEqualTo(ids(store.sentItems().page(mailbox, term, offset, 20)));
                    if (page.isEmpty()) {
                        break;
                    }
                    byKey.addAll(page);
                    before = page.get(page.size() - 1);
                }
                List<Long> all = ids(store.sentItems().page(mailbox, term, 0, 1_000));
                assertThat(byKey).isEqualTo(all).isSortedAccordingTo((a, b) -> Long.compare(b, a));
                assertThat(all).hasSize((int) store.sentItems().count(mailbox, term));
            }
        }
        assertThat(ids(store.sentItems().page(Optional.empty(), "", 0, 1_000))).hasSize(237);
    }

    @Test
    void pagingUpByKeyGivesThePreviousPageAndTheOldestPage() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            ids.add(commit(store, draft(SCANNER, T0.plusSeconds(i), "Scan " + i, List.of("a@x.test"))));
        }
        List<Long> third = ids(store.sentItems().page(Optional.empty(), "scan", 40, 20));
        List<Long> second = ids(store.sentItems().after(Optional.empty(), "scan", third.get(0), 20));
        assertThat(second).isEqualTo(ids(store.sentItems().page(Optional.empty(), "scan", 20, 20)));
        assertThat(ids(store.sentItems().after(Optional.empty(), "", 0, 20)))
                .isEqualTo(ids(store.sentItems().page(Optional.empty(), "", 75, 20)))
                .endsWith(ids.get(0));
    }

    @Test
    void aShortTermLooksOnlyAmongTheNewestItemsAndSaysSo() throws Exception {
        commit(store, draft(SCANNER, T0, "qz in the oldest", List.of("a@x.test")));
        // SHORT_TERM_WINDOW more items after it, straight into the table (the triggers still run).
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                    + SentItemsSearch.SHORT_TERM_WINDOW + ") INSERT INTO messages (mailbox, time, envelope_from,"
                    + " envelope_to, tls, size, subject, from_header, in_sent_items) SELECT '" + PRINTER + "', i, '"
                    + PRINTER + "', '[]', 1, 10, 'Scan ' || i, 'P <" + PRINTER + ">', 1 FROM n");
            s.execute("COMMIT");
        }
        commit(store, draft(SCANNER, T0.plusSeconds(1), "qz in the newest", List.of("a@x.test")));

        assertThat(subjectsOf(Optional.empty(), "qz")).containsExactly("qz in the newest");
        assertThat(store.sentItems().countUpTo(Optional.empty(), "qz", 10_000))
                .isEqualTo(new SentItemsCount(1, true, SentItemsSearch.SHORT_TERM_WINDOW));
        // The scanner's own items are few: in one mailbox the short term sees them all.
        assertThat(subjectsOf(Optional.of(SCANNER), "qz")).containsExactly("qz in the newest", "qz in the oldest");
        assertThat(store.sentItems().countUpTo(Optional.of(SCANNER), "qz", 10_000)).isEqualTo(SentItemsCount.exactly(2));
        // Three characters go through the index: every item ("qz in" unquoted is two short terms).
        assertThat(subjectsOf(Optional.empty(), "\"qz in\"")).containsExactly("qz in the newest", "qz in the oldest");
        assertThat(subjectsOf(Optional.empty(), "qz in")).containsExactly("qz in the newest");
        // A short term beside an indexed one: the index's matches, in the window.
        assertThat(subjectsOf(Optional.empty(), "qz oldest")).isEmpty();
        assertThat(subjectsOf(Optional.empty(), "qz newest")).containsExactly("qz in the newest");
        assertThat(store.sentItems().countUpTo(Optional.empty(), "qz newest", 10_000))
                .isEqualTo(new SentItemsCount(1, true, SentItemsSearch.SHORT_TERM_WINDOW));
    }

    @Test
    void aVersionThreeFileIsIndexedWhenItIsMigrated() throws Exception {
        Path data = dir.resolve("v3");
        Path file = data.resolve(Store.FILE_NAME);
        java.nio.file.Files.createDirectories(data);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            for (int v = 0; v < 3; v++) {
                for (String sql : Schema.migration(v)) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            s.execute("PRAGMA user_version = 3");
            String insert = "INSERT INTO messages (mailbox, time, envelope_from, envelope_to, tls, size, subject,"
                    + " from_header, in_sent_items) VALUES ";
            s.execute(insert + "('a@contoso.test', 1, 'a@contoso.test', '[\"x@fabrikam.test\"]', 1, 10, 'Quarterly"
                    + " report', 'A <a@contoso.test>', 1)");
            s.execute(insert + "('b@contoso.test', 2, 'b@contoso.test', '[\"y@fabrikam.test\"]', 1, 20, 'Weekly"
                    + " report', 'B <b@contoso.test>', 1)");
            s.execute(insert + "('b@contoso.test', 3, 'b@contoso.test', '[\"y@fabrikam.test\"]', 1, 40, 'Hidden"
                    + " report', 'B <b@contoso.test>', 0)");
        }
        try (Store migrated = Store.open(data)) {
            SentItemsRepository s = migrated.sentItems();
            assertThat(s.page(Optional.empty(), "REPORT", 0, 10)).extracting(SentItem::subject)
                    .containsExactly("Weekly report", "Quarterly report");
            assertThat(s.page(Optional.of("b@contoso.test"), "report", 0, 10)).extracting(SentItem::subject)
                    .containsExactly("Weekly report");
            assertThat(s.totalSizeByMailbox()).isEqualTo(Map.of("a@contoso.test", 10L, "b@contoso.test", 20L));
            SentItemDraft d = draft("b@contoso.test", T0, "Monthly report", List.of("z@x.test"));
            commit(migrated, d);
            assertThat(s.count(Optional.of("b@contoso.test"), "report")).isEqualTo(2);
            assertThat(s.totalSizeByMailbox()).containsEntry("b@contoso.test", 20L + d.size());
        }
    }

    @Test
    void aVersionThreeFileOpenedReadOnlyForReviewIsUpgradedFirst() throws Exception {
        Path data = dir.resolve("old-run");
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
            s.execute("INSERT INTO messages (mailbox, time, envelope_from, envelope_to, tls, size, subject,"
                    + " in_sent_items) VALUES ('a@contoso.test', 1, 'a@contoso.test', '[]', 1, 10, 'Old run scan', 1)");
        }
        try (Store review = Store.openReadOnly(data)) {
            assertThat(review.sentItems().page(Optional.empty(), "run sc", 0, 10)).extracting(SentItem::subject)
                    .containsExactly("Old run scan");
            assertThat(review.sentItems().totalSizeByMailbox()).isEqualTo(Map.of("a@contoso.test", 10L));
        }
    }

    private void commitThree() {
        commit(store, draft(SCANNER, T0, "Invoice March", List.of("billing@fabrikam.test")));
        commit(store, draft(PRINTER, T0.plusSeconds(1), "Toner low", List.of("helpdesk@contoso.test")));
        commit(store, draft(PRINTER, T0.plusSeconds(2), "Toner empty", List.of("BILLING@fabrikam.test")));
    }

    private List<String> subjectsOf(Optional<String> mailbox, String term) {
        return store.sentItems().page(mailbox, term, 0, 100).stream().map(SentItem::subject).toList();
    }

    private static List<Long> ids(List<SentItem> items) {
        return items.stream().map(SentItem::id).toList();
    }

    /** Rows in the search index (a contentless table counts its rows by rowid). */
    private long indexedRows() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sent_items_search")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
