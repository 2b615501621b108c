package org.submitlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The schema version 8 upgrade of a big file (not a test): turns a data folder filled by this version (e.g. a
 * copy of {@link SentItemsFill}'s) back into what version 7 left (no attachments column, no marks in the
 * index, version 7's triggers), then times {@link Store#open}: the migration and the attachment backfill of
 * every Sent Items message, as the first start of this version on an older Live folder does.
 *
 * <pre>
 * cp -r /tmp/sl1m/v8 /tmp/sl1m/v7copy
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.submitlab.store.AttachmentBackfillBenchmark \
 *     /tmp/sl1m/v7copy
 * </pre>
 */
public final class AttachmentBackfillBenchmark {

    private AttachmentBackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long d0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("UPDATE messages SET attachments = NULL WHERE attachments = 1"); // the trigger drops the marks
            s.execute("DROP TRIGGER sent_items_attachments");
            s.execute("DROP TRIGGER sent_items_insert");
            s.execute("DROP TRIGGER sent_items_update");
            s.execute("DROP INDEX messages_attachments_unchecked");
            s.execute("ALTER TABLE messages DROP COLUMN attachments");
            for (String sql : Schema.migration(6)) {
                if (sql.startsWith("CREATE TRIGGER sent_items_insert") || sql.startsWith("CREATE TRIGGER sent_items_update")) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = 7");
            s.execute("COMMIT");
        }
        System.out.printf(Locale.ROOT, "made a version 7 file in %.1f s%n", (System.nanoTime() - d0) / 1e9);

        long t0 = System.nanoTime();
        try (Store store = Store.open(data)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            long all = store.sentItems().count(Optional.empty(), "");
            System.out.printf(Locale.ROOT, "migrated to version %d and checked %,d messages in %.1f s (load %s)%n",
                    Schema.CURRENT_VERSION, all, seconds, SentItemsScaleBenchmark.loadAverage());
            long expected = 0;
            for (long i = 0; i < all; i++) {
                expected += SentItemsFill.hasAttachment(i) ? 1 : 0;
            }
            long found = store.sentItems().count(Optional.empty(), "has:attachment");
            System.out.printf(Locale.ROOT, "has:attachment: %,d (the fill attached %,d)%n", found, expected);
            List<SentItem> page = store.sentItems().before(Optional.empty(), "has:attachment", Long.MAX_VALUE, 1);
            System.out.println("newest with an attachment: " + (page.isEmpty() ? "none" : page.get(0).subject()));
        }
    }
}
