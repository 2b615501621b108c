package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index behind the writer (docs/decisions/0207): a message is found the moment it is stored, whether
 * the index has it yet or not; the writer adds it when idle; searches page, count and skip across the boundary
 * between the indexed ids and the newer ones as if there were none; and changes to rows the index does not hold
 * yet leave it consistent.
 */
class SearchIndexBehindTest {

    private static final String BOX = "scanner@contoso.test";
    private static final Optional<String> ALL = Optional.empty();

    @TempDir
    Path dir;

    private static long commit(Store store, int i, String subject) {
        return Fixtures.commit(store, Fixtures.draft(BOX, Fixtures.T0.plusSeconds(i), subject,
                List.of("billing@fabrikam.test")));
    }

    private static void awaitIndexed(Store store) {
        await().atMost(Duration.ofSeconds(30)).until(() -> store.searchIndexBacklog() == 0);
    }

    private long inIndex(String match) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve(Store.FILE_NAME));
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM sent_items_search WHERE sent_items_search MATCH ?")) {
            ps.setString(1, match);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aMessageIsFoundBeforeTheIndexHasItAndTheWriterAddsItWhenIdle() throws Exception {
        try (Store store = Store.openWithoutIndexing(dir.resolve("data"))) {
            commit(store, 0, "Invoice March");
            assertThat(store.searchIndexBacklog()).isEqualTo(1);
            assertThat(store.sentItems().page(ALL, "invoice", 0, 10)).extracting(SentItem::subject)
                    .containsExactly("Invoice March");
            assertThat(store.sentItems().count(Optional.of(BOX), "subject:march")).isEqualTo(1);
        }
        assertThat(inIndex("invoice")).isZero();
        try (Store store = Store.open(dir.resolve("data"))) {
            awaitIndexed(store);
            assertThat(inIndex("invoice")).isEqualTo(1);
            assertThat(store.sentItems().count(ALL, "invoice")).isEqualTo(1);
        }
    }

    @Test
    void pagesCountsAndOffsetsSpanTheIndexedAndTheNewestIdsAsOne() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("data"))) {
            for (int i = 0; i < 6; i++) {
                ids.add(commit(store, i, "Scan " + i + (i % 2 == 0 ? " even" : " odd")));
            }
            awaitIndexed(store);
        }
        try (Store store = Store.openWithoutIndexing(dir.resolve("data"))) {
            for (int i = 6; i < 12; i++) {
                ids.add(commit(store, i, "Scan " + i + (i % 2 == 0 ? " even" : " odd")));
            }
            assertThat(store.searchIndexBacklog()).isEqualTo(6);
            SentItemsRepository items = store.sentItems();
            List<Long> newestFirst = new ArrayList<>(ids);
            Collections.reverse(newestFirst);

            assertThat(items.count(ALL, "scan")).isEqualTo(12);
            assertThat(items.countUpTo(ALL, "scan", 7).exact()).isFalse();
            assertThat(items.page(ALL, "scan", 0, 12)).extracting(SentItem::id).containsExactlyElementsOf(newestFirst);
            for (int offset = 0; offset < 12; offset++) {
                assertThat(items.page(ALL, "scan", offset, 1)).extracting(SentItem::id)
                        .as("offset %d", offset).containsExactly(newestFirst.get(offset));
            }
            // Keyset pages of 4 across the boundary (ids 7..12 new, 1..6 indexed), down and back up.
            List<SentItem> first = items.before(ALL, "scan", Long.MAX_VALUE, 4);
            List<SentItem> second = items.before(ALL, "scan", first.get(3).id(), 4);
            List<SentItem> third = items.before(ALL, "scan", second.get(3).id(), 4);
            assertThat(second).extracting(SentItem::id).containsExactlyElementsOf(newestFirst.subList(4, 8));
            assertThat(third).extracting(SentItem::id).containsExactlyElementsOf(newestFirst.subList(8, 12));
            assertThat(items.after(ALL, "scan", third.get(0).id(), 4)).containsExactlyElementsOf(second);
            assertThat(items.after(ALL, "scan", ids.get(3), 4)).extracting(SentItem::id)
                    .containsExactlyElementsOf(newestFirst.subList(4, 8));

            assertThat(items.page(ALL, "even", 0, 12)).extracting(SentItem::subject)
                    .containsExactly("Scan 10 even", "Scan 8 even", "Scan 6 even", "Scan 4 even", "Scan 2 even",
                            "Scan 0 even");
            assertThat(items.count(Optional.of(BOX), "odd scan")).isEqualTo(6);
            assertThat(items.count(Optional.of("printer@contoso.test"), "scan")).isZero();
        }
    }

    @Test
    void rowsTheIndexDoesNotHoldYetAreDeletedAndChangedWithoutTouchingIt() throws Exception {
        long kept;
        try (Store store = Store.openWithoutIndexing(dir.resolve("data"))) {
            long deleted = commit(store, 0, "Delete me");
            kept = commit(store, 1, "Keep me");
            long newest = commit(store, 2, "Newest");
            assertThat(store.sentItems().delete(deleted)).isTrue();
            assertThat(store.sentItems().delete(newest)).isTrue();
            assertThat(store.sentItems().count(ALL, "me")).isEqualTo(1);
        }
        try (Store store = Store.open(dir.resolve("data"))) {
            awaitIndexed(store);
            assertThat(inIndex("delete")).isZero();
            assertThat(store.sentItems().page(ALL, "keep", 0, 10)).extracting(SentItem::id).containsExactly(kept);
            // The newest row, indexed, is deleted: the next row gets its id, at the index's mark, and goes in at once.
            long indexed = commit(store, 3, "Indexed then deleted");
            awaitIndexed(store);
            assertThat(store.sentItems().delete(indexed)).isTrue();
            long reused = commit(store, 4, "Reused id");
            assertThat(reused).isEqualTo(indexed);
            assertThat(inIndex("reused")).isEqualTo(1);
            assertThat(inIndex("deleted")).isZero();
            assertThat(store.sentItems().page(ALL, "reused", 0, 10)).extracting(SentItem::id).containsExactly(reused);
        }
    }
}
