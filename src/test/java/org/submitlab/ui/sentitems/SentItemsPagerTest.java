package org.submitlab.ui.sentitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SentItemsPagerTest {

    private static final Instant T0 = Instant.parse("2025-01-26T09:00:00Z");

    /** 120 messages in memory, newest first, searched like the store does. */
    private static final class FakeSource implements SentItemsSource {
        final List<SentItemRow> rows = new ArrayList<>();
        int pageCalls;

        FakeSource(int n) {
            for (int i = n; i >= 1; i--) {
                rows.add(new SentItemRow(i, i % 2 == 0 ? "even@x.test" : "odd@x.test", T0.plusSeconds(i),
                        "dev@x.test", List.of("to" + i + "@y.test"), "Scan " + i, 1000, "s" + i, "127.0.0.1"));
            }
        }

        private List<SentItemRow> matching(Optional<String> mailbox, String search) {
            String s = search.toLowerCase(Locale.ROOT);
            return rows.stream().filter(r -> mailbox.map(r.mailbox()::equals).orElse(true))
                    .filter(r -> r.subject().toLowerCase(Locale.ROOT).contains(s)
                            || String.join(",", r.envelopeTo()).contains(s)).toList();
        }

        @Override
        public List<SentItemRow> page(Optional<String> mailbox, String search, int offset, int limit) {
            pageCalls++;
            List<SentItemRow> m = matching(mailbox, search);
            return m.subList(Math.min(offset, m.size()), Math.min(offset + limit, m.size()));
        }

        @Override
        public long count(Optional<String> mailbox, String search) {
            return matching(mailbox, search).size();
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

        assertThat(pager.total()).isEqualTo(60);
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
}
