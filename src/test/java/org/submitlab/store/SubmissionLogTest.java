package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.Fixtures.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.TenantSettings;

class SubmissionLogTest {

    @TempDir
    Path dir;

    @Test
    void acceptedSinceReturnsOnlyAcceptedAttemptsFromTheInstantOnOldestFirst() {
        try (Store store = Store.open(dir)) {
            Fixtures.commit(store, Fixtures.draft("a@contoso.test", T0.minusSeconds(1), "before", List.of("x@f.test")));
            Fixtures.commit(store, Fixtures.draft("a@contoso.test", T0.plusSeconds(5), "later",
                    List.of("x@f.test", "y@f.test", "z@f.test")));
            Fixtures.commit(store, Fixtures.draft("b@contoso.test", T0, "at", List.of("x@f.test", "y@f.test")));
            store.recordAsync(Fixtures.refused("a@contoso.test", T0.plusSeconds(1), List.of("x@f.test")));
            store.recordAsync(new SubmissionRecord(T0.plusSeconds(2), "s", null, "192.0.2.1", null, List.of(), 0,
                    false, "530 5.7.57 Client not authenticated", null, null));
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.submissions().acceptedSince(T0)).containsExactly(
                    new RecipientUse("b@contoso.test", T0, 2),
                    new RecipientUse("a@contoso.test", T0.plusSeconds(5), 3));
        }
    }

    @Test
    void recentIsNewestFirstLimitedAndFilteredByMailbox() {
        try (Store store = Store.open(dir)) {
            for (int i = 0; i < 5; i++) {
                store.recordAsync(Fixtures.refused("a@contoso.test", T0.plus(Duration.ofMinutes(i)), List.of("x@f.test")));
                store.recordAsync(Fixtures.refused("b@contoso.test", T0.plus(Duration.ofMinutes(i)), List.of("x@f.test")));
            }
            // Reads do not wait for queued writes; a synchronous write queues behind them, so it is a barrier.
            store.settings().save(TenantSettings.defaults());

            List<SubmissionRecord> recent = store.submissions().recent(Optional.of("A@contoso.test"), 3);
            assertThat(recent).extracting(SubmissionRecord::time)
                    .containsExactly(T0.plus(Duration.ofMinutes(4)), T0.plus(Duration.ofMinutes(3)),
                            T0.plus(Duration.ofMinutes(2)));
            assertThat(recent).allSatisfy(r -> assertThat(r.mailbox()).isEqualTo("a@contoso.test"));
            assertThat(store.submissions().recent(Optional.empty(), 100)).hasSize(10);
        }
    }

    @Test
    void anAttemptRoundTripsEveryField() {
        SubmissionRecord r = new SubmissionRecord(T0, "session-1", "a@contoso.test", "192.0.2.7", "a@contoso.test",
                List.of("x@f.test", "y@f.test"), 1234, true, "250 2.0.0 OK <id> [Hostname=x]", "<id@test>",
                T0.plus(Duration.ofMinutes(2)));
        try (Store store = Store.open(dir)) {
            store.recordAsync(r);
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.submissions().recent(Optional.empty(), 1)).containsExactly(r);
            List<SubmissionRecord> streamed = new ArrayList<>();
            store.submissions().forEachSince(T0, streamed::add);
            assertThat(streamed).containsExactly(r);
        }
    }
}
