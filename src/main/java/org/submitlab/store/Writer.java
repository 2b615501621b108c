package org.submitlab.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.concurrent.NamedThreads;

/**
 * The single writer: one daemon thread owns the write connection. It takes everything pending (up to
 * {@link #MAX_BATCH}), runs the tasks inside ONE transaction, commits (an fsync of the WAL), and only then
 * completes the waiting futures. A task that fails makes the writer roll back and run the batch again in
 * parts (see {@link #runBatch}), so only that task's future fails and the rest of the batch still commits.
 * If the commit itself fails, every future of the batch fails (a failed commit is not retried: it may have
 * reached the disk). After any failure the session {@linkplain WriteSession#recover recovers} (a full disk
 * must not wedge the writer until a restart), and the thread keeps running. Tasks must therefore only
 * write to the database through the session: they may run more than once.
 */
final class Writer {

    static final int MAX_BATCH = 512;
    static final int QUEUE_CAPACITY = 16_384;

    /**
     * How long no write must come before idle work starts: a busy server's queue is empty between its batches for
     * an instant, and a step then would only make the next submissions wait.
     */
    static final long QUIET_MILLIS = 50;
    /** After idle work failed, it is not tried again for this long (a full disk must not fill the log). */
    static final long IDLE_RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

    /**
     * Work the writer does when no write is waiting, in steps of their own transaction (the search index behind the
     * writer: {@link SearchIndexer}); when far behind ({@link #urgent}), after every batch as well.
     */
    interface IdleWork {
        /** How much is left (0: nothing). Runs outside any transaction. */
        long backlog(WriteSession s) throws SQLException;

        /** One short step, inside a transaction the writer opens and commits. */
        void step(WriteSession s) throws SQLException;

        /** Whether {@code backlog} is so large that a step runs after every batch too. */
        default boolean urgent(long backlog) {
            return false;
        }
    }

    private record Pending<T>(String what, WriteTask<T> task, CompletableFuture<T> future) {
        void fail(Throwable cause) {
            future.completeExceptionally(cause);
        }

        @SuppressWarnings("unchecked")
        void succeed(Object result) {
            future.complete((T) result);
        }
    }

    private static final Pending<Void> STOP = new Pending<>("stop", s -> null, new CompletableFuture<>());

    private final Path file;
    private final WriteSession session;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final Thread thread;
    private final IdleWork idle;
    private boolean closed;
    /** Idle work left, as last seen; 0 when none or while it waits after a failure. */
    private long backlog;
    private boolean idleWaiting;
    private long idleRetryAt;

    Writer(Path file, WriteSession session) {
        this(file, session, null);
    }

    Writer(Path file, WriteSession session, IdleWork idle) {
        this.file = file;
        this.session = session;
        this.idle = idle;
        this.thread = new NamedThreads("submitlab-store-writer").newThread(this::run);
        thread.start();
    }

    /** Queues {@code task}; blocks only while the queue is full. Fails at once after {@link #close()}. */
    <T> CompletableFuture<T> submit(String what, WriteTask<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        closing.readLock().lock();
        try {
            if (closed) {
                throw new StoreException("Cannot " + what + ": the store " + file + " is closed");
            }
            queue.put(new Pending<>(what, task, future));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while queueing '" + what + "' for " + file, e);
        } finally {
            closing.readLock().unlock();
        }
        return future;
    }

    /** Runs every write queued so far, then stops the thread and closes the connection. Idempotent. */
    void close() {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.put(STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while closing the store " + file, e);
        } finally {
            closing.writeLock().unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Committed (or attempted) transactions so far. */
    long transactions() {
        return transactions.get();
    }

    /** Tasks run so far. */
    long writes() {
        return writes.get();
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        checkIdleWork();
        boolean stepped = false;
        while (!stopping) {
            try {
                Pending<?> first = backlog == 0 ? queue.take()
                        : queue.poll(stepped ? 0 : QUIET_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    idleStep();
                    stepped = true;
                    continue;
                }
                stepped = false;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
            } catch (InterruptedException e) {
                LOG.warn("The store writer for {} was interrupted; it keeps running until the store is closed", file);
                continue;
            }
            if (batch.get(batch.size() - 1) == STOP) {
                batch.remove(batch.size() - 1);
                stopping = true;
            }
            if (!batch.isEmpty()) {
                try {
                    runBatch(batch);
                } catch (Throwable t) {
                    session.recover();
                    failAll(batch, "finish", t);
                }
            }
            batch.clear();
            checkIdleWork();
            if (backlog > 0 && idle.urgent(backlog)) {
                idleStep();
            }
        }
        try {
            session.close();
        } catch (SQLException e) {
            LOG.warn("Closing the write connection to {} failed", file, e);
        }
        LOG.debug("The store writer for {} stopped after {} transactions", file, transactions.get());
    }

    private void checkIdleWork() {
        if (idle == null || idleWaiting && System.nanoTime() - idleRetryAt < 0) {
            backlog = 0;
            return;
        }
        idleWaiting = false;
        try {
            backlog = idle.backlog(session);
        } catch (SQLException | RuntimeException e) {
            idleFailed(e);
        }
    }

    /** One step of the idle work in its own transaction; a failure is logged and the work waits a while. */
    private void idleStep() {
        try {
            session.execute("BEGIN IMMEDIATE");
            idle.step(session);
            session.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            session.recover();
            idleFailed(e);
            return;
        }
        checkIdleWork();
    }

    private void idleFailed(Exception e) {
        LOG.warn("Background work on {} failed, trying again in {} s: {}", file,
                TimeUnit.NANOSECONDS.toSeconds(IDLE_RETRY_NANOS), e.getMessage());
        backlog = 0;
        idleWaiting = true;
        idleRetryAt = System.nanoTime() + IDLE_RETRY_NANOS;
    }

    /**
     * Runs {@code batch} in one transaction without savepoints (a savepoint per task costs a statement
     * journal per task). If a task fails, the whole transaction is rolled back and the batch is split: the
     * tasks before the failing one (which just ran fine together) run again in one transaction, the failing
     * task runs again alone, and the tasks after it run as a new batch. A task that fails on its own fails
     * only its own future; every other task still commits, in queue order.
     */
    private void runBatch(List<Pending<?>> batch) {
        transactions.incrementAndGet();
        try {
            session.execute("BEGIN IMMEDIATE");
        } catch (SQLException | RuntimeException e) {
            session.recover();
            failAll(batch, "start a transaction", e);
            return;
        }
        Object[] results = new Object[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Pending<?> p = batch.get(i);
            writes.incrementAndGet();
            try {
                results[i] = p.task().run(session);
            } catch (SQLException | RuntimeException e) {
                session.recover();
                if (batch.size() == 1) {
                    p.fail(failed(p.what(), e));
                } else {
                    LOG.debug("'{}' failed in a batch of {} writes to {}; running the batch again in parts",
                            p.what(), batch.size(), file, e);
                    runParts(batch, i);
                }
                return;
            }
        }
        try {
            session.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            session.recover();
            failAll(batch, "commit", e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(results[i]);
        }
    }

    /** Each part is shorter than the batch, so the splitting ends (at worst with one task per transaction). */
    private void runParts(List<Pending<?>> batch, int failed) {
        if (failed > 0) {
            runBatch(batch.subList(0, failed));
        }
        runBatch(batch.subList(failed, failed + 1));
        if (failed + 1 < batch.size()) {
            runBatch(batch.subList(failed + 1, batch.size()));
        }
    }

    private void failAll(List<Pending<?>> batch, String step, Throwable cause) {
        LOG.warn("A batch of {} writes to {} failed to {}: {}", batch.size(), file, step, cause.toString());
        for (Pending<?> p : batch) {
            p.fail(failed(p.what(), cause));
        }
    }

    private StoreException failed(String what, Throwable cause) {
        if (cause instanceof StoreException se) {
            return se;
        }
        return new StoreException("Could not " + what + " in " + file + ": " + cause.getMessage(), cause);
    }
}
