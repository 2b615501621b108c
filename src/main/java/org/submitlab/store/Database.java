package org.submitlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The database file: connections, the writer, and a small pool of read connections (WAL lets them read
 * while the writer writes, in this process or another).
 */
final class Database {

    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /**
     * SQLite's default, on purpose. The writer checkpoints inline after its commit, the only point where the
     * whole WAL can be backfilled so the next transaction restarts it: without that (autocheckpoint off, or
     * left to another thread that races the writer) the WAL grows and every page lookup slows down. 4,000
     * pages saved ~5 % of the benchmark's time but nearly doubled its p99 (one bigger pause per checkpoint).
     */
    static final int WRITER_AUTOCHECKPOINT_PAGES = 1_000;
    private static final int MAX_IDLE_READERS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Reads run on a pooled connection. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private final Path file;
    private final Writer writer;
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private volatile boolean closed;

    private Database(Path file, Writer writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Opens (creating and migrating if needed) {@code file}; with {@code indexInBackground}, its writer brings the
     * search index up to date when idle ({@link SearchIndexer}).
     */
    static Database open(Path file, boolean indexInBackground) {
        try (Connection c = connect(file, false)) {
            Schema.prepare(c, file);
        } catch (SQLException e) {
            throw openFailure(file, e);
        }
        WriteSession session;
        try {
            session = new WriteSession(() -> connectWriter(file));
        } catch (SQLException e) {
            throw openFailure(file, e);
        }
        return new Database(file, new Writer(file, session, indexInBackground ? new SearchIndexer() : null));
    }

    /**
     * Opens {@code file} for reading only: no writer. It must be a SubmitLab file already; one of an older schema
     * is upgraded first ({@link #upgrade}), and one whose attachment backfill was cut short (a kill) is finished
     * if the folder can be written (else has:attachment misses those messages until the next open that can).
     */
    static Database openReadOnly(Path file) {
        int version;
        boolean unchecked;
        try (Connection c = connect(file, true)) {
            version = Schema.checkReadable(c, file);
            unchecked = version == Schema.CURRENT_VERSION && AttachmentBackfill.pending(c);
        } catch (SQLException e) {
            throw openFailure(file, e);
        }
        if (version < Schema.CURRENT_VERSION) {
            upgrade(file, version);
        } else if (unchecked) {
            try (Connection c = connect(file, false)) {
                AttachmentBackfill.run(c, file);
            } catch (SQLException e) {
                LOG.warn("{} has messages not yet checked for attachments and could not be updated: {}", file,
                        e.getMessage());
            }
        }
        return new Database(file, null);
    }

    /**
     * A file of an older schema (a run made by an earlier SubmitLab, opened for review) cannot be read with
     * this version's queries: it is migrated first, under SQLite's write lock like any migration, so a server
     * of the earlier version writing it meanwhile is safe (the new triggers keep its writes indexed).
     */
    private static void upgrade(Path file, int version) {
        try (Connection c = connect(file, false)) {
            Schema.prepare(c, file);
        } catch (SQLException e) {
            StoreException failure = openFailure(file, e);
            throw new StoreException(file + " was written by an earlier SubmitLab (schema version " + version
                    + ") and could not be upgraded to read it: " + failure.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    Writer writer() {
        return writer("use the writer");
    }

    <T> T read(String what, Read<T> read) {
        ensureOpen(what);
        Connection c = borrow(what);
        boolean healthy = true;
        try {
            return read.run(c);
        } catch (SQLException e) {
            healthy = false;
            throw new StoreException("Could not " + what + " from " + file + ": " + e.getMessage(), e);
        } finally {
            release(c, healthy);
        }
    }

    /** A connection of its own that says when another connection (this process's writer too) committed. */
    ChangeWatch watchChanges() {
        ensureOpen("watch for changes");
        try {
            return new ChangeWatch(connect(file, true));
        } catch (SQLException e) {
            throw new StoreException("Could not open " + file + " to watch for changes: " + e.getMessage(), e);
        }
    }

    <T> CompletableFuture<T> writeAsync(String what, WriteTask<T> task) {
        return writer(what).submit(what, task);
    }

    /** Runs {@code task} through the writer and waits for its commit. */
    <T> T write(String what, WriteTask<T> task) {
        return await(writer(what).submit(what, task), what);
    }

    private Writer writer(String what) {
        if (writer == null) {
            throw new StoreException("Cannot " + what + ": the store " + file + " is open read-only");
        }
        return writer;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (writer != null) {
            writer.close();
        }
        synchronized (idleReaders) {
            idleReaders.forEach(Database::closeQuietly);
            idleReaders.clear();
        }
        LOG.debug("Closed {}", file);
    }

    private void ensureOpen(String what) {
        if (closed) {
            throw new StoreException("Cannot " + what + ": the store " + file + " is closed");
        }
    }

    private Connection borrow(String what) {
        synchronized (idleReaders) {
            Connection c = idleReaders.pollFirst();
            if (c != null) {
                return c;
            }
        }
        try {
            return connect(file, true);
        } catch (SQLException e) {
            throw new StoreException("Could not open " + file + " to " + what + ": " + e.getMessage(), e);
        }
    }

    private void release(Connection c, boolean healthy) {
        if (healthy && !closed) {
            synchronized (idleReaders) {
                if (idleReaders.size() < MAX_IDLE_READERS) {
                    idleReaders.push(c);
                    return;
                }
            }
        }
        closeQuietly(c);
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause(), what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to " + what + " in " + file
                    + " (the write may still be committed)", e);
        }
    }

    private StoreException unwrap(Throwable cause, String what) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StoreException se) {
            return se;
        }
        return new StoreException("Could not " + what + " in " + file + ": " + cause, cause);
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        return connect(file, readOnly, baseConfig());
    }

    /**
     * The writer's connection. Statement journals stay in memory: they only matter for rolling back a
     * statement inside a transaction, and as temp files they cost an open, writes and a delete each. The
     * driver's automatic generated keys are off: it would run an extra query after every INSERT (the
     * writer uses RETURNING where it needs an id).
     */
    private static Connection connectWriter(Path file) throws SQLException {
        SQLiteConfig config = baseConfig();
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setGetGeneratedKeys(false);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, String.valueOf(WRITER_AUTOCHECKPOINT_PAGES));
        return connect(file, false, config);
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        // A commit is durable once it returns: a 250 is only sent after it.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        return config;
    }

    private static Connection connect(Path file, boolean readOnly, SQLiteConfig config) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        if (readOnly) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
        }
        return c;
    }

    private static StoreException openFailure(Path file, SQLException e) {
        int code = e.getErrorCode() & 0xFF; // primary result code
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new StoreException(file + " is not a SubmitLab database (not an SQLite file at all). "
                    + "Move it away or choose another data folder.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN.code || code == SQLiteErrorCode.SQLITE_READONLY.code
                || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return new StoreException("Cannot open " + file + " for writing: " + e.getMessage()
                    + ". Check that the data folder is writable.", e);
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code) {
            return new StoreException(file + " stayed locked by another process for over "
                    + BUSY_TIMEOUT_MILLIS / 1000 + " s: " + e.getMessage(), e);
        }
        return new StoreException("Cannot open " + file + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("closing a connection failed", e);
        }
    }
}
