package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a write fails because the disk is full, the writer rolls back and keeps working once there is room. */
class WriterRecoveryTest {

    @TempDir
    Path dir;

    private static SentItemDraft big(int i) {
        SentItemDraft d = Fixtures.draft("a@contoso.test", Fixtures.T0.plusSeconds(i), "m" + i, List.of("x@f.test"));
        byte[] raw = new byte[40_000];
        java.util.Arrays.fill(raw, (byte) 'a');
        return new SentItemDraft(d.mailbox(), d.time(), d.envelopeFrom(), d.envelopeTo(), d.authenticatedAs(),
                d.clientAddress(), d.tls(), d.sessionId(), raw, d.subject(), d.messageId(), d.fromHeader(),
                d.inSentItems(), d.deliverTo(), d.deliverAt());
    }

    @Test
    void aFullDatabaseFailsOnlyTheWritesThatDidNotFitAndLaterWritesCommit() {
        try (Store store = Store.open(dir)) {
            Fixtures.commit(store, big(0));
            PageQuota.fill(store, 2);

            for (int i = 1; i <= 3; i++) {
                SentItemDraft d = big(i);
                assertThatThrownBy(() -> Fixtures.commit(store, d)).isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(StoreException.class).hasMessageContaining("SQLITE_FULL");
            }

            PageQuota.free(store);
            Fixtures.commit(store, big(4));
            store.recordAsync(Fixtures.refused("a@contoso.test", Fixtures.T0.plusSeconds(5), List.of("x@f.test")));
            Fixtures.commit(store, big(5));
            assertThat(store.sentItems().count(Optional.empty(), "")).isEqualTo(3);
        }
        try (Store reopened = Store.open(dir)) {
            List<String> subjects = new java.util.ArrayList<>();
            reopened.sentItems().forEach(Optional.empty(), item -> subjects.add(item.subject()));
            assertThat(subjects).containsExactly("m0", "m4", "m5");
            assertThat(reopened.submissions().recent(Optional.empty(), 10)).hasSize(4);
        }
    }

    @Test
    void aBatchWithAWriteThatDoesNotFitStillCommitsTheOnesThatDo() throws Exception {
        try (Store store = Store.open(dir)) {
            PageQuota.fill(store, 12);
            java.util.List<java.util.concurrent.CompletableFuture<Long>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                SentItemDraft d = big(i);
                futures.add(store.commitAccepted(d, Fixtures.accepted(d)));
            }
            long committed = futures.stream().filter(f -> !f.handle((v, e) -> e != null).join()).count();
            assertThat(committed).isBetween(1L, 19L);
            PageQuota.free(store);
            Fixtures.commit(store, big(99));
            assertThat(store.sentItems().count(Optional.empty(), "")).isEqualTo(committed + 1);
        }
    }
}
