package org.submitlab.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SubmitLab's data: one SQLite file, {@code dataDir/submitlab.db}, in WAL mode with full fsync on commit.
 * Every write goes through one writer thread that group-commits; reads use their own connections, so
 * another process (the {@code sent-items} command, with {@link #openReadOnly}) can read while a server
 * writes. Only one store at a time may {@link #open} a folder.
 */
public final class Store implements AutoCloseable {

    public static final String FILE_NAME = "submitlab.db";
    /** The folder (in the data folder) for message bodies too large to hold in memory while they arrive. */
    public static final String SPOOL_FOLDER = "spool";

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final Path dataDir;
    private final Database db;
    private final MailboxRepository mailboxes;
    private final SentItemsRepository sentItems;
    private final SubmissionLog submissions;
    private final SettingsRepository settings;
    private final DeliveryRepository deliveries;
    private final ClientRepository clients;
    private final GuardRepository guards;
    /** The folder lock; null for read-only and administrative opens. */
    private final FolderLock lock;

    private Store(Path dataDir, Database db, FolderLock lock) {
        this.dataDir = dataDir;
        this.db = db;
        this.lock = lock;
        this.mailboxes = new MailboxRepository(db);
        this.sentItems = new SentItemsRepository(db);
        this.submissions = new SubmissionLog(db);
        this.settings = new SettingsRepository(db);
        this.deliveries = new DeliveryRepository(db);
        this.clients = new ClientRepository(db);
        this.guards = new GuardRepository(db);
    }

    /**
     * Takes the data folder for this store (a server's or the console's): creates the folder if needed,
     * locks it (a second store on the same folder, in this process or another, is refused with the folder
     * and the process that holds it), opens or creates {@code submitlab.db} and migrates its schema. Each
     * folder has its own lock, so a run's store in {@code <data>/runs/<id>/} opens beside the Live one.
     */
    public static Store open(Path dataDir) {
        return open(dataDir, true);
    }

    /** Test hook: a store whose writer never brings the search index up to date, so searches use its tail. */
    static Store openWithoutIndexing(Path dataDir) {
        return open(dataDir, false);
    }

    private static Store open(Path dataDir, boolean indexInBackground) {
        Path dir = prepareFolder(dataDir);
        FolderLock lock = FolderLock.acquire(dir);
        try {
            clearSpool(dir);
            Store store = new Store(dir, Database.open(databaseFile(dir), indexInBackground), lock);
            LOG.debug("Opened {} (schema version {})", store.file(), Schema.CURRENT_VERSION);
            return store;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens an existing folder to read only (sent-items, reports), beside a server that may hold it: takes
     * no lock and runs no writer. Every write fails with a StoreException. A file of an older schema (a run
     * made by an earlier SubmitLab) is migrated first: this version's queries need its tables.
     */
    public static Store openReadOnly(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StoreException("There is no SubmitLab data in " + dir + " (no " + FILE_NAME + ")");
        }
        return new Store(dir, Database.openReadOnly(file), null);
    }

    /**
     * Opens a folder for a short administrative write (issuing a token) that must work beside a running
     * server: like {@link #open} but without the folder lock, so never use it for anything that counts
     * limits or accepts mail. SQLite serializes its writes with the server's.
     */
    public static Store openForAdministration(Path dataDir) {
        Path dir = prepareFolder(dataDir);
        return new Store(dir, Database.open(databaseFile(dir), false), null);
    }

    private static Path prepareFolder(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("The data folder " + dir + " is a file, not a folder", e);
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + dir + ": " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("The data folder " + dir + " is not writable");
        }
        return dir;
    }

    /** Bodies left by a store that did not close (a crash, a kill): only the folder's holder may remove them. */
    private static void clearSpool(Path dir) {
        Path spool = dir.resolve(SPOOL_FOLDER);
        if (!Files.isDirectory(spool)) {
            return;
        }
        try (var files = Files.list(spool)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.warn("Could not clear the spool folder {}: {}", spool, e.toString());
        }
    }

    /**
     * A new empty file for a message body too large to hold in memory while it arrives; whoever asked for
     * it deletes it once the message is stored or refused. Only for the folder's holder ({@link #open}).
     */
    public Path newSpoolFile() throws IOException {
        if (lock == null) {
            throw new StoreException("The store " + dataDir + " is not open for accepting mail (no spool)");
        }
        Path spool = Files.createDirectories(dataDir.resolve(SPOOL_FOLDER));
        return Files.createTempFile(spool, "body-", ".eml");
    }

    private static Path databaseFile(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a folder, not a SubmitLab database");
        }
        return file;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The database file. */
    public Path file() {
        return db.file();
    }

    public MailboxRepository mailboxes() {
        return mailboxes;
    }

    public SentItemsRepository sentItems() {
        return sentItems;
    }

    public SubmissionLog submissions() {
        return submissions;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** A watch that says when someone committed to this store (see {@link ChangeWatch}); close it when done. */
    public ChangeWatch watchChanges() {
        return db.watchChanges();
    }

    public DeliveryRepository deliveries() {
        return deliveries;
    }

    /** Login lockouts and continuous-error throttling, kept across restarts. */
    /** Live's device inventory. */
    public ClientRepository clients() {
        return clients;
    }

    public GuardRepository guards() {
        return guards;
    }

    /**
     * Group-committed: the message, its deliveries and the submission record in ONE transaction.
     * Completes with the message id only after the commit is durable (a 250 is sent only then); completes
     * exceptionally with a {@link StoreException} if it could not be stored. Blocks only while the write
     * queue is full. Throws {@link StoreException} after {@link #close()}.
     */
    public CompletableFuture<Long> commitAccepted(SentItemDraft draft, SubmissionRecord record) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(record, "record");
        if (!record.accepted()) {
            throw new IllegalArgumentException("commitAccepted needs an accepted submission record; use recordAsync");
        }
        SentItemsRepository.NewMessage message = SentItemsRepository.NewMessage.of(draft);
        DeliveryRepository.NewDeliveries deliveries = DeliveryRepository.NewDeliveries.of(draft);
        SubmissionLog.NewRecord entry = SubmissionLog.NewRecord.of(record);
        return db.writeAsync("store the message from " + draft.mailbox(), s -> {
            long id = message.insert(s);
            deliveries.insert(s, id);
            entry.insert(s, id);
            return id;
        });
    }

    /**
     * Group-committed too, but nobody waits for it (refusals, aborted transactions). A failure is logged.
     * Throws {@link StoreException} after {@link #close()}.
     */
    public void recordAsync(SubmissionRecord record) {
        Objects.requireNonNull(record, "record");
        SubmissionLog.NewRecord entry = SubmissionLog.NewRecord.of(record);
        db.writeAsync("record a submission attempt", s -> {
            entry.insert(s, null);
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("A submission record was not stored: {}", failure.getMessage());
            }
        });
    }

    /** Drains pending writes, stops the writer thread and closes every connection. Idempotent. */
    @Override
    public void close() {
        try {
            db.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** Test hook: queue arbitrary work on the writer. */
    <T> CompletableFuture<T> write(String what, WriteTask<T> task) {
        return db.writeAsync(what, task);
    }

    /** Transactions the writer has run (fewer than writes when group commit batches). */
    long transactions() {
        return db.writer().transactions();
    }

    /** Test hook: Sent Items ids above the search index's (0 once the writer has caught it up). */
    long searchIndexBacklog() {
        return db.read("read the search index's state", SearchIndexer::backlog);
    }

    /** Tasks the writer has run. */
    long writes() {
        return db.writer().writes();
    }
}
