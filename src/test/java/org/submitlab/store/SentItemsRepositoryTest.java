package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.Fixtures.T0;
import static org.submitlab.store.Fixtures.commit;
import static org.submitlab.store.Fixtures.draft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentItemsRepositoryTest {

    private static final String SCANNER = "scanner@contoso.test";
    private static final String PRINTER = "printer@contoso.test";

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSentItemKeepsEveryEnvelopeFieldAndTheExactBytes() {
        SentItemDraft d = new SentItemDraft(SCANNER, T0, "alerts@contoso.test", List.of("a@x.test", "b@y.test"),
                SCANNER, "2001:db8::5", false, "session-42", "raw\r\n\u0000bytes\r\n".getBytes(),
                "Scan 7", "<m7@contoso.test>", "\"Scanner\" <alerts@contoso.test>", true, List.of("a@x.test"), T0);
        long id = commit(store, d);
        assertThat(store.sentItems().find(id)).contains(new SentItem(id, SCANNER, T0, "alerts@contoso.test",
                List.of("a@x.test", "b@y.test"), SCANNER, "2001:db8::5", false, "session-42", d.raw().length,
                "Scan 7", "<m7@contoso.test>", "\"Scanner\" <alerts@contoso.test>"));
        assertThat(store.sentItems().raw(id)).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(d.raw()));
    }

    @Test
    void forEachStreamsOldestFirstSoTheNewestIsLast() {
        commit(store, draft(SCANNER, T0.plusSeconds(20), "third", List.of("x@f.test")));
        commit(store, draft(SCANNER, T0, "first", List.of("x@f.test")));
        commit(store, draft(PRINTER, T0.plusSeconds(10), "second", List.of("x@f.test")));
        List<String> all = new ArrayList<>();
        store.sentItems().forEach(Optional.empty(), i -> all.add(i.subject()));
        assertThat(all).containsExactly("first", "second", "third");
        List<String> scanner = new ArrayList<>();
        store.sentItems().forEach(Optional.of("Scanner@Contoso.test"), i -> scanner.add(i.subject()));
        assertThat(scanner).containsExactly("first", "third");
    }

    @Test
    void pageIsNewestFirstWithOffsetAndLimit() {
        for (int i = 0; i < 10; i++) {
            commit(store, draft(SCANNER, T0.plusSeconds(i), "m" + i, List.of("x@f.test")));
        }
        assertThat(store.sentItems().page(Optional.empty(), "", 0, 3)).extracting(SentItem::subject)
                .containsExactly("m9", "m8", "m7");
        assertThat(store.sentItems().page(Optional.empty(), "", 8, 5)).extracting(SentItem::subject)
                .containsExactly("m1", "m0");
        assertThat(store.sentItems().count(Optional.empty(), "")).isEqualTo(10);
    }

    @Test
    void searchMatchesSubjectSenderFromHeaderAndRecipientsCaseInsensitively() {
        commit(store, draft(SCANNER, T0, "Invoice March", List.of("billing@fabrikam.test")));
        commit(store, draft(PRINTER, T0.plusSeconds(1), "Toner low", List.of("helpdesk@contoso.test")));
        commit(store, draft(PRINTER, T0.plusSeconds(2), "Toner empty", List.of("BILLING@fabrikam.test")));

        assertThat(subjects(Optional.empty(), "invoice")).containsExactly("Invoice March");
        assertThat(subjects(Optional.empty(), "Billing@")).containsExactly("Toner empty", "Invoice March");
        assertThat(subjects(Optional.empty(), "PRINTER@contoso")).containsExactly("Toner empty", "Toner low");
        assertThat(subjects(Optional.empty(), "device <scanner")).containsExactly("Invoice March");
        assertThat(subjects(Optional.of(PRINTER), "billing")).containsExactly("Toner empty");
        assertThat(store.sentItems().count(Optional.of(PRINTER), "toner")).isEqualTo(2);
        assertThat(store.sentItems().count(Optional.of(SCANNER), "toner")).isZero();
    }

    @Test
    void searchTreatsLikeWildcardsAsPlainText() {
        commit(store, draft(SCANNER, T0, "100% done", List.of("x@f.test")));
        commit(store, draft(SCANNER, T0.plusSeconds(1), "1000 done", List.of("x@f.test")));
        assertThat(subjects(Optional.empty(), "100%")).containsExactly("100% done");
        assertThat(subjects(Optional.empty(), "_")).isEmpty();
    }

    @Test
    void messagesNotSavedToSentItemsAreStoredButNotListed() {
        long id = commit(store, draft(SCANNER, T0, "hidden", List.of("x@f.test"), false));
        assertThat(store.sentItems().count(Optional.empty(), "")).isZero();
        assertThat(store.sentItems().page(Optional.empty(), "", 0, 10)).isEmpty();
        assertThat(store.sentItems().raw(id)).isPresent();
        assertThat(store.deliveries().forRecipient("x@f.test")).hasSize(1);
    }

    @Test
    void totalSizeByMailboxCountsOnlySentItems() {
        SentItemDraft a = draft(SCANNER, T0, "a", List.of("x@f.test"));
        SentItemDraft b = draft(SCANNER, T0.plusSeconds(1), "bb", List.of("x@f.test"));
        SentItemDraft c = draft(PRINTER, T0, "c", List.of("x@f.test"));
        commit(store, a);
        commit(store, b);
        commit(store, c);
        commit(store, draft(PRINTER, T0, "not kept", List.of("x@f.test"), false));
        assertThat(store.sentItems().totalSizeByMailbox())
                .containsOnlyKeys(SCANNER, PRINTER)
                .containsEntry(SCANNER, a.size() + b.size())
                .containsEntry(PRINTER, c.size());
    }

    @Test
    void deleteOlderThanRemovesOnlyThatMailboxsOlderItemsAndKeepsTheirDeliveries() {
        long old = commit(store, draft(SCANNER, T0, "old", List.of("x@f.test")));
        commit(store, draft(SCANNER, T0.plus(Duration.ofDays(2)), "new", List.of("x@f.test")));
        commit(store, draft(PRINTER, T0, "other mailbox", List.of("x@f.test")));

        assertThat(store.sentItems().deleteOlderThan(SCANNER, T0.plus(Duration.ofDays(1)))).isEqualTo(1);

        // Newest first in the order the store took them (by id), not by their lab-clock time.
        assertThat(subjects(Optional.empty(), "")).containsExactly("other mailbox", "new");
        assertThat(store.sentItems().raw(old)).isEmpty();
        assertThat(store.deliveries().forRecipient("x@f.test")).hasSize(3);
        assertThat(store.sentItems().deleteOlderThan(SCANNER, T0.plus(Duration.ofDays(1)))).isZero();
    }

    @Test
    void clearRemovesEveryItemOfThatMailboxOnlyAndKeepsTheirDeliveries() {
        commit(store, draft(SCANNER, T0, "old", List.of("x@f.test")));
        commit(store, draft(SCANNER, T0.plus(Duration.ofDays(3650)), "far ahead", List.of("x@f.test")));
        commit(store, draft(PRINTER, T0, "other mailbox", List.of("x@f.test")));

        assertThat(store.sentItems().clear(SCANNER.toUpperCase(java.util.Locale.ROOT))).isEqualTo(2);

        assertThat(subjects(Optional.empty(), "")).containsExactly("other mailbox");
        assertThat(subjects(Optional.empty(), "far")).isEmpty();
        assertThat(store.sentItems().count(Optional.of(SCANNER), "")).isZero();
        assertThat(store.deliveries().forRecipient("x@f.test")).hasSize(3);
        assertThat(store.sentItems().clear(SCANNER)).isZero();
    }

    private List<String> subjects(Optional<String> mailbox, String search) {
        return store.sentItems().page(mailbox, search, 0, 100).stream().map(SentItem::subject).toList();
    }
}
