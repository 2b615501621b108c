package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 40;

    @TempDir
    Path dir;

    @Test
    void anAcceptedMessageIsVisibleToAFreshStoreAfterClose() {
        SentItemDraft d = Fixtures.draft("a@contoso.test", Fixtures.T0, "durable", List.of("x@fabrikam.test"));
        long id;
        try (Store store = Store.open(dir)) {
            id = Fixtures.commit(store, d);
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.sentItems().find(id)).hasValueSatisfying(item -> {
                assertThat(item.subject()).isEqualTo("durable");
                assertThat(item.size()).isEqualTo(d.raw().length);
            });
            assertThat(store.sentItems().raw(id)).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(d.raw()));
            assertThat(store.submissions().recent(Optional.empty(), 10)).containsExactly(Fixtures.accepted(d));
        }
    }

    @Test
    void sixteenThreadsCommittingAtOnceAllCompleteAndEveryRowExists() throws Exception {
        try (Store store = Store.open(dir)) {
            List<Long> ids = commitFromManyThreads(store, null);
            assertThat(new HashSet<>(ids)).hasSize(THREADS * PER_THREAD);
            assertThat(store.sentItems().count(Optional.empty(), "")).isEqualTo(THREADS * PER_THREAD);
            assertThat(store.submissions().recent(Optional.empty(), 10_000)).hasSize(THREADS * PER_THREAD);
            assertThat(store.deliveries().countByRecipient()).containsEntry("x@fabrikam.test",
                    (long) THREADS * PER_THREAD);
        }
    }

    @Test
    void groupCommitPutsWritesThatQueueTogetherIntoOneTransaction() throws Exception {
        try (Store store = Store.open(dir)) {
            CountDownLatch release = new CountDownLatch(1);
            // Hold the writer inside a transaction while every thread queues its writes.
            CompletableFuture<Object> blocker = store.write("block", s -> {
                await(release);
                return null;
            });
            long before = store.transactions();
            List<Long> ids = commitFromManyThreads(store, release);
            blocker.join();

            int writes = THREADS * PER_THREAD;
            assertThat(ids).hasSize(writes);
            long transactions = store.transactions() - before;
            assertThat(transactions).isLessThan(writes)
                    .isLessThanOrEqualTo(1 + (writes + Writer.MAX_BATCH - 1) / Writer.MAX_BATCH);
        }
    }

    @Test
    void recordedAttemptsAppearAfterClose() {
        Store store = Store.open(dir);
        for (int i = 0; i < 100; i++) {
            store.recordAsync(Fixtures.refused("a@contoso.test", Fixtures.T0.plusSeconds(i), List.of("x@fabrikam.test")));
        }
        store.close();
        try (Store reopened = Store.open(dir)) {
            assertThat(reopened.submissions().recent(Optional.of("a@contoso.test"), 1_000)).hasSize(100)
                    .allSatisfy(r -> assertThat(r.accepted()).isFalse());
        }
    }

    @Test
    void aFailingWriteCompletesExceptionallyAndTheWriterKeepsServing() {
        try (Store store = Store.open(dir)) {
            CompletableFuture<Object> failing = store.write("fail on purpose", s -> {
                throw new SQLException("disk on fire");
            });
            assertThatThrownBy(failing::join)
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(StoreException.class)
                    .hasMessageContaining("fail on purpose")
                    .hasMessageContaining("disk on fire")
                    .hasMessageContaining(store.file().toString());

            long id = Fixtures.commit(store, Fixtures.draft("a@contoso.test", Fixtures.T0, "after",
                    List.of("x@fabrikam.test")));
            assertThat(store.sentItems().find(id)).isPresent();
        }
    }

    @Test
    void aFailingWriteInABatchLeavesTheOtherWritesOfTheBatchCommitted() {
        try (Store store = Store.open(dir)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> blocker = store.write("block", s -> {
                await(release);
                return null;
            });
            SentItemDraft first = Fixtures.draft("a@contoso.test", Fixtures.T0, "first", List.of("x@fabrikam.test"));
            SentItemDraft last = Fixtures.draft("a@contoso.test", Fixtures.T0.plusSeconds(1), "last",
                    List.of("x@fabrikam.test"));
            CompletableFuture<Long> a = store.commitAccepted(first, Fixtures.accepted(first));
            CompletableFuture<Object> failing = store.write("half write", s -> {
                s.execute("INSERT INTO submissions (time, envelope_to, recipients, size, accepted, reply)"
                        + " VALUES (0, '[]', 0, 0, 0, 'half')");
                throw new SQLException("then fail");
            });
            CompletableFuture<Long> b = store.commitAccepted(last, Fixtures.accepted(last));
            release.countDown();
            blocker.join();

            assertThat(a.join()).isPositive();
            assertThat(b.join()).isPositive();
            assertThat(failing).isCompletedExceptionally();
            assertThat(store.submissions().recent(Optional.empty(), 10)).extracting(SubmissionRecord::reply)
                    .doesNotContain("half").hasSize(2);
        }
    }

    @Test
    void aWriteThatFailsOnlyInsideItsBatchRunsAgainAloneAndCommits() {
        try (Store store = Store.open(dir)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> blocker = store.write("block", s -> {
                await(release);
                return null;
            });
            AtomicInteger attempts = new AtomicInteger();
            SentItemDraft first = Fixtures.draft("a@contoso.test", Fixtures.T0, "first", List.of("x@fabrikam.test"));
            CompletableFuture<Long> a = store.commitAccepted(first, Fixtures.accepted(first));
            CompletableFuture<Object> flaky = store.write("fail the first time", s -> {
                s.execute("INSERT INTO submissions (time, envelope_to, recipients, size, accepted, reply)"
                        + " VALUES (0, '[]', 0, 0, 0, 'flaky')");
                if (attempts.incrementAndGet() == 1) {
                    throw new SQLException("only once");
                }
                return "done";
            });
            release.countDown();
            blocker.join();

            assertThat(flaky.join()).isEqualTo("done");
            assertThat(attempts).hasValue(2);
            assertThat(a.join()).isPositive();
            assertThat(store.submissions().recent(Optional.empty(), 10)).extracting(SubmissionRecord::reply)
                    .containsExactlyInAnyOrder("flaky", "250 2.0.0 OK");
        }
    }

    @Test
    void severalFailingWritesInOneBatchFailAloneAndTheOthersCommitInQueueOrder() {
        try (Store store = Store.open(dir)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> blocker = store.write("block", s -> {
                await(release);
                return null;
            });
            List<CompletableFuture<Long>> good = new ArrayList<>();
            List<CompletableFuture<Object>> bad = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                SentItemDraft d = Fixtures.draft("a@contoso.test", Fixtures.T0.plusSeconds(i), "m" + i,
                        List.of("x@fabrikam.test"));
                good.add(store.commitAccepted(d, Fixtures.accepted(d)));
                if (i % 3 == 1) {
                    String what = "broken write " + i;
                    bad.add(store.write(what, s -> {
                        s.execute("INSERT INTO submissions (time, envelope_to, recipients, size, accepted, reply)"
                                + " VALUES (0, '[]', 0, 0, 0, 'half')");
                        s.execute("INSERT INTO no_such_table VALUES (1)");
                        return null;
                    }));
                }
            }
            long before = store.transactions();
            release.countDown();
            blocker.join();

            List<Long> ids = good.stream().map(CompletableFuture::join).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            for (int i = 0; i < bad.size(); i++) {
                CompletableFuture<Object> f = bad.get(i);
                assertThatThrownBy(f::join).cause().isInstanceOf(StoreException.class)
                        .hasMessageContaining("broken write " + (3 * i + 1)).hasMessageContaining("no_such_table");
            }
            assertThat(store.sentItems().count(Optional.empty(), "")).isEqualTo(10);
            assertThat(store.submissions().recent(Optional.empty(), 100)).extracting(SubmissionRecord::reply)
                    .hasSize(10).doesNotContain("half");
            // Split at each failure, not one transaction per write: fewer transactions than writes.
            assertThat(store.transactions() - before).isLessThan(good.size() + bad.size());
        }
    }

    @Test
    void aFailingWriteAloneInItsBatchFailsAndLeavesNothingBehind() {
        try (Store store = Store.open(dir)) {
            CompletableFuture<Object> failing = store.write("lonely failure", s -> {
                s.execute("INSERT INTO submissions (time, envelope_to, recipients, size, accepted, reply)"
                        + " VALUES (0, '[]', 0, 0, 0, 'half')");
                throw new IllegalStateException("broken");
            });
            assertThatThrownBy(failing::join).cause().isInstanceOf(StoreException.class)
                    .hasMessageContaining("lonely failure").hasMessageContaining("broken");
            assertThat(store.submissions().recent(Optional.empty(), 10)).isEmpty();
        }
    }

    @Test
    void closeWaitsForQueuedWritesToCommit() {
        Store store = Store.open(dir);
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            SentItemDraft d = Fixtures.draft("a@contoso.test", Fixtures.T0.plusSeconds(i), "m" + i,
                    List.of("x@fabrikam.test"));
            futures.add(store.commitAccepted(d, Fixtures.accepted(d)));
        }
        store.close();
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted().isNotCompletedExceptionally());
        try (Store reopened = Store.open(dir)) {
            assertThat(reopened.sentItems().count(Optional.empty(), "")).isEqualTo(50);
        }
    }

    /** THREADS threads each commit PER_THREAD messages; if {@code release} is given it is opened once all are queued. */
    private static List<Long> commitFromManyThreads(Store store, CountDownLatch release) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch queued = new CountDownLatch(THREADS);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String mailbox = "device" + t + "@contoso.test";
                results.add(pool.submit(() -> {
                    List<CompletableFuture<Long>> mine = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        SentItemDraft d = Fixtures.draft(mailbox, Fixtures.T0.plus(Duration.ofSeconds(i)), "m" + i,
                                List.of("x@fabrikam.test"));
                        mine.add(store.commitAccepted(d, Fixtures.accepted(d)));
                    }
                    queued.countDown();
                    List<Long> ids = new ArrayList<>();
                    for (CompletableFuture<Long> f : mine) {
                        ids.add(f.join());
                    }
                    return ids;
                }));
            }
            queued.await();
            if (release != null) {
                release.countDown();
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
