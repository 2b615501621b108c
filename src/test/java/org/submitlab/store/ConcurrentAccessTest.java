package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.Fixtures.T0;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAccessTest {

    @TempDir
    Path dir;

    @Test
    void aSecondStoreOnTheSameFolderReadsWhileTheFirstHoldsAWriteTransaction() {
        try (Store server = Store.open(dir)) {
            Fixtures.commit(server, Fixtures.draft("a@contoso.test", T0, "committed", List.of("x@f.test")));
            CountDownLatch inTransaction = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> writing = server.write("long write", s -> {
                s.execute("INSERT INTO submissions (time, envelope_to, recipients, size, accepted, reply)"
                        + " VALUES (0, '[]', 0, 0, 0, 'pending')");
                inTransaction.countDown();
                await(release);
                return null;
            });
            await(inTransaction);
            try (Store reader = Store.openReadOnly(dir)) {
                List<String> subjects = new ArrayList<>();
                reader.sentItems().forEach(Optional.empty(), i -> subjects.add(i.subject()));
                assertThat(subjects).containsExactly("committed");
                assertThat(reader.submissions().recent(Optional.empty(), 10)).extracting(SubmissionRecord::reply)
                        .doesNotContain("pending");
            } finally {
                release.countDown();
            }
            writing.join();
        }
    }

    @Test
    void aReaderSeesWhatTheWriterCommitsWhileBothStayOpen() {
        try (Store server = Store.open(dir); Store reader = Store.openReadOnly(dir)) {
            for (int i = 0; i < 20; i++) {
                Fixtures.commit(server, Fixtures.draft("a@contoso.test", T0.plusSeconds(i), "m" + i,
                        List.of("x@f.test")));
                assertThat(reader.sentItems().count(Optional.empty(), "")).isEqualTo(i + 1);
            }
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
