package org.submitlab.ui.sentitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.submitlab.store.SentItemsCount;

class SentItemsPagerTest {

    private static final Instant T0 = Instant.parse("2025-01-26T09:00:00Z");

    /** 120 messages in memory, newest first, searched like the store does. */
    private static final class FakeSource implements SentItemsSource {
        final List<SentItemRow> rows = new ArrayList<>();
        int pageCalls;
        long cap = Long.MAX_VALUE;
        int window;

        FakeSource(int n) {
            for (int i = n; i >= 1; i--) {
                rows.add(new SentItemRow(i, i % 2 == 0 ? "even@x.test" : "odd@x.test", T0.plusSeconds(i),
                        "dev@x.test", List.of("to" + i + "@y.test"), "Scan " + i, 1000, "s" + i, "127.0.0.1", "<scan-" + i + "@x.test>"));
            }
        }

        private List<SentItemRow> matching(Optional<String> mailbox, String search) {
            String s = search.toLowerCase(Locale.ROOT);
            return rows.stream().filter(r -> mailbox.map(r.mailbox()::equals).orElse(true))
                    .filter(r -> r.subject().toLowerCase(Locale.ROOT).contains(s)
                            || String.join(",", r.envelopeTo()).contains(s)).toList();
        }

        @Override
        public List<SentItemRow> before(Optional<String> mailbox, String search, long beforeId, int limit) {
            pageCalls++;
            return matching(mailbox, search).stream().filter(r -> r.id() < beforeId).limit(limit).toList();
        }

        @Override
        public List<SentItemRow> after(Optional<String> mailbox, String search, long afterId, int limit) {
            pageCalls++;
            List<SentItemRow> above = matching(mailbox, search).stream().filter(r -> r.id() > afterId).toList();
            return above.subList(Math.max(0, above.size() - limit), above.size());
        }

        @Override
        public SentItemsCount count(Optional<String> mailbox, String search) {
            long n = matching(mailbox, search).size();
            return n > cap ? new SentItemsCount(cap, false, window) : new SentItemsCount(n, true, window);
        }

        @Override
        public Optional<byte[]> raw(long id) {
            return Optional.empty();
        }
    }

    private final FakeSource source = new FakeSource(120);
    private final SentItemsPager pager = new SentItemsPager(50);

    private void load(SentItemsPager.Query q) {
        assertThat(pager.accept(SentItemsPager.load(source, q))).isTrue();
    }

    @Test
    void holdsOnePageAndSaysWhereItIs() {
        load(pager.first());

        assertThat(pager.rows()).hasSize(50);
        assertThat(pager.rows().get(0).id()).isEqualTo(120);
        assertThat(pager.rangeText()).isEqualTo("1\u201350 of 120");
        assertThat(pager.hasPrevious()).isFalse();
    }

    @Test
    void pagesForwardToAShortLastPageAndStops() {
        load(pager.first());
        load(pager.next());
        load(pager.next());

        assertThat(pager.rangeText()).isEqualTo("101\u2013120 of 120");
        assertThat(pager.hasNext()).isFalse();
        load(pager.next());
        assertThat(pager.rangeText()).isEqualTo("101\u2013120 of 120");
    }

    @Test
    void aSearchStartsAtTheFirstPageOfItsMatches() {
        load(pager.first());
        load(pager.next());

        load(pager.setSearch("  Scan 11  "));

        assertThat(pager.search()).isEqualTo("Scan 11");
        assertThat(pager.rows()).extracting(SentItemRow::id).containsExactly(119L, 118L, 117L, 116L, 115L, 114L,
                113L, 112L, 111L, 110L, 11L);
        assertThat(pager.rangeText()).isEqualTo("1\u201311 of 11");
    }

    @Test
    void aPageForAnOlderQueryIsIgnored() {
        SentItemsPager.Query slow = pager.first();
        SentItemsPager.Query newer = pager.setMailbox(Optional.of("odd@x.test"));

        assertThat(pager.accept(SentItemsPager.load(source, newer))).isTrue();
        assertThat(pager.accept(SentItemsPager.load(source, slow))).isFalse();

        assertThat(pager.total().value()).isEqualTo(60);
        assertThat(pager.rows()).allMatch(r -> r.mailbox().equals("odd@x.test"));
    }

    @Test
    void emptyStatesTellLoadingNoMatchAndNothingYetApart() {
        assertThat(pager.emptyText()).startsWith("Loading");
        FakeSource empty = new FakeSource(0);
        pager.accept(SentItemsPager.load(empty, pager.first()));
        assertThat(pager.emptyText()).startsWith("No sent items yet.");
        pager.accept(SentItemsPager.load(empty, pager.setSearch("invoice")));
        assertThat(pager.emptyText()).isEqualTo("No message matches 'invoice'.");
    }

    @Test
    void previousGoesBackByKeyToTheRowsJustAboveAndThenToTheFirstPage() {
        load(pager.first());
        load(pager.next());
        load(pager.next());
        load(pager.previous());

        assertThat(pager.rows()).extracting(SentItemRow::id).startsWith(70L).endsWith(21L).hasSize(50);
        assertThat(pager.rangeText()).isEqualTo("51\u2013100 of 120");
        SentItemsPager.Query back = pager.previous();
        assertThat(back.up()).isFalse();
        assertThat(back.key()).isEqualTo(Long.MAX_VALUE);
        load(back);
        assertThat(pager.rows().get(0).id()).isEqualTo(120);
        assertThat(pager.hasPrevious()).isFalse();
    }

    @Test
    void theLastPageIsTheOldestRowsAndKnowsItsOffset() {
        load(pager.first());
        load(pager.last());

        assertThat(pager.rows()).extracting(SentItemRow::id).startsWith(50L).endsWith(1L);
        assertThat(pager.rangeText()).isEqualTo("71\u2013120 of 120");
        assertThat(pager.hasNext()).isFalse();
    }

    @Test
    void aCountThatStoppedAtItsCapShowsAPlusAndStillPagesOn() {
        source.cap = 60;
        load(pager.first());
        load(pager.next());

        assertThat(pager.rangeText()).isEqualTo("51\u2013100 of 60+");
        assertThat(pager.hasNext()).isTrue();
        load(pager.next());
        assertThat(pager.rows()).extracting(SentItemRow::id).containsExactly(20L, 19L, 18L, 17L, 16L, 15L, 14L, 13L,
                12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(pager.hasNext()).isFalse();
    }

    @Test
    void aShortTermSaysItSearchedOnlyTheNewestItems() {
        source.window = 50_000;
        load(pager.setSearch("zq"));

        assertThat(pager.rangeText()).isEqualTo("0 of 0 in the newest 50,000");
        assertThat(pager.emptyText()).isEqualTo(
                "No message matches 'zq' among the newest 50,000 (parts of 3 characters or more search them all).");
    }
}
