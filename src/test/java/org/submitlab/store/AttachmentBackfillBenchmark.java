package org.submitlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The attachment backfill of the schema version 8 upgrade on a big file (not a test): takes a data folder filled by
 * this version (a copy of {@link SentItemsFill}'s), puts it back where the upgrade leaves an older file (every
 * message's {@code attachments} NULL, no marks in the index, the backfill's progress at the first id), then times
 * {@link Store#open}, which checks every Sent Items message, as the first start of this version on an older Live
 * folder does. The migration's statements themselves (a column added, a table, triggers) take milliseconds.
 *
 * <pre>
 * cp -r /tmp/sl1m/v8 /tmp/sl1m/backfill
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.submitlab.store.AttachmentBackfillBenchmark \
 *     /tmp/sl1m/backfill
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
            s.execute("UPDATE messages SET attachments = NULL"); // the trigger drops the marks in the index
            s.execute("UPDATE attachments_backfill SET next_id = 1, last_id = (SELECT max(id) FROM messages)");
            s.execute("COMMIT");
        }
        System.out.printf(Locale.ROOT, "reset in %.1f s%n", (System.nanoTime() - d0) / 1e9);

        long t0 = System.nanoTime();
        try (Store store = Store.open(data)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            long all = store.sentItems().count(Optional.empty(), "");
            System.out.printf(Locale.ROOT, "opened, checking %,d messages, in %.1f s (load %s)%n", all, seconds,
                    SentItemsScaleBenchmark.loadAverage());
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
