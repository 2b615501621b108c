package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's idle work (the search index behind the writer): steps run while no write waits, each in a
 * transaction of its own; when far behind, after every batch too; a failing step is logged and left for a while,
 * and every write still commits.
 */
class WriterIdleWorkTest {

    @TempDir
    Path dir;

    /** Work of {@code left} steps; each step records whether a write was waiting when it ran. */
    private static class Steps implements Writer.IdleWork {
        final AtomicLong left;
        final long urgentAbove;
        final AtomicInteger steps = new AtomicInteger();
        final AtomicBoolean fail = new AtomicBoolean();
        volatile CountDownLatch gate = new CountDownLatch(0);

        Steps(long left, long urgentAbove) {
            this.left = new AtomicLong(left);
            this.urgentAbove = urgentAbove;
        }

        @Override
        public long backlog(WriteSession s) {
            return left.get();
        }

        @Override
        public void step(WriteSession s) throws SQLException {
            if (fail.get()) {
                throw new SQLException("disk I/O error (test)");
            }
            s.execute("INSERT INTO steps DEFAULT VALUES");
            steps.incrementAndGet();
            left.decrementAndGet();
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean urgent(long backlog) {
            return backlog > urgentAbove;
        }
    }

    private Writer writer(Steps idle) throws SQLException {
        Path file = dir.resolve("w.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS steps (id INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY)");
        }
        return new Writer(file, new WriteSession(() -> DriverManager.getConnection("jdbc:sqlite:" + file)), idle);
    }

    private static CompletableFuture<Object> write(Writer w) {
        return w.submit("write", s -> {
            s.execute("INSERT INTO writes DEFAULT VALUES");
            return null;
        });
    }

    @Test
    void stepsRunWhileIdleUntilNothingIsLeftAndCommit() throws Exception {
        Steps idle = new Steps(5, Long.MAX_VALUE);
        Writer w = writer(idle);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> idle.left.get() == 0);
            write(w).join();
            assertThat(idle.steps).hasValue(5);
        } finally {
            w.close();
        }
        assertThat(rows("steps")).isEqualTo(5);
        assertThat(rows("writes")).isEqualTo(1);
    }

    @Test
    void writesGoFirstAndAStepRunsBetweenBatchesOnlyWhenFarBehind() throws Exception {
        assertThat(writesRunWhenStepsRan(100, 50)).as("not far behind: steps wait for the queue to empty")
                .allMatch(n -> n == 0 || n == BURST);
        assertThat(writesRunWhenStepsRan(100, 1_000)).as("far behind: steps between the burst's batches")
                .anyMatch(n -> n > 0 && n < BURST);
    }

    private static final int BURST = 4 * Writer.MAX_BATCH;

    /**
     * Holds the writer in a step while a burst of writes queues, then lets it go; returns, for every step, how many
     * of the burst's writes had run when it did.
     */
    private List<Integer> writesRunWhenStepsRan(long urgentAbove, long behind) throws Exception {
        AtomicInteger writesRun = new AtomicInteger();
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        Steps idle = new Steps(behind, urgentAbove) {
            @Override
            public void step(WriteSession s) throws SQLException {
                seen.add(writesRun.get());
                super.step(s);
            }
        };
        idle.gate = new CountDownLatch(1);
        Writer w = writer(idle);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> idle.steps.get() == 1);
            List<CompletableFuture<Object>> writes = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                writes.add(w.submit("write", s -> {
                    s.execute("INSERT INTO writes DEFAULT VALUES");
                    writesRun.incrementAndGet();
                    return null;
                }));
            }
            idle.gate.countDown();
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            await().atMost(Duration.ofSeconds(30)).until(() -> idle.left.get() == 0);
        } finally {
            w.close();
        }
        return List.copyOf(seen);
    }

    @Test
    void aFailingStepIsLeftForAWhileAndWritesStillCommit() throws Exception {
        Steps idle = new Steps(3, Long.MAX_VALUE);
        idle.fail.set(true);
        Writer w = writer(idle);
        try {
            for (int i = 0; i < 10; i++) {
                write(w).join();
            }
            assertThat(idle.steps).hasValue(0);
            assertThat(idle.left).hasValue(3);
        } finally {
            w.close();
        }
        assertThat(rows("writes")).isEqualTo(10);
        assertThat(rows("steps")).isZero();
    }

    private long rows(String table) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w.db"));
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
