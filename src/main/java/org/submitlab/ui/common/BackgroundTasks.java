package org.submitlab.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.concurrent.NamedThreads;

/**
 * The console's background threads: database reads, server start and stop, snapshot polling.
 * The FX thread never waits on them; results come back through {@code fxThread}
 * (Platform::runLater in the app, a direct executor in tests).
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private final ScheduledExecutorService executor;
    private final Executor fxThread;

    public BackgroundTasks(String name, int threads, Executor fxThread) {
        this.executor = Executors.newScheduledThreadPool(threads, new NamedThreads(name));
        this.fxThread = fxThread;
    }


    /** Runs {@code work} in the background, then {@code onResult} or {@code onError} on the FX thread. */
    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onResult, Consumer<Throwable> onError) {
        CompletableFuture<T> f = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                T result = work.call();
                f.complete(result);
                fxThread.execute(() -> onResult.accept(result));
            } catch (Throwable e) {
                LOG.warn("background task failed", e);
                f.completeExceptionally(e);
                fxThread.execute(() -> onError.accept(e));
            }
        });
        return f;
    }

    /** Runs {@code task} every {@code periodMillis} in the background; failures are logged, not fatal. */
    public ScheduledFuture<?> every(long periodMillis, Runnable task) {
        return executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("periodic task failed", e);
            }
        }, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    public Executor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
