package org.submitlab.store;

import java.sql.ResultSet;

/**
 * A disk that fills and empties, on any file system: SQLite's own page limit for the writer's connection
 * ({@code PRAGMA max_page_count}). Past it, SQLite fails a write with SQLITE_FULL, exactly as on a full
 * disk, inside the statement that needed the page. The pragma is set through the writer itself, so it
 * also proves the writer still runs tasks after a failure.
 */
final class PageQuota {

    private static final long UNLIMITED = 1_073_741_823L;

    private PageQuota() {
    }

    /** Lets the database grow by at most {@code pages} more pages. */
    static void fill(Store store, int pages) {
        store.write("limit the database", s -> {
            long count;
            try (ResultSet rs = s.prepare("PRAGMA page_count").executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
            set(s, count + pages);
            return null;
        }).join();
    }

    /** Lifts the limit again ("space is freed"). */
    static void free(Store store) {
        store.write("lift the database limit", s -> {
            set(s, UNLIMITED);
            return null;
        }).join();
    }

    private static void set(WriteSession s, long pages) throws java.sql.SQLException {
        try (ResultSet rs = s.prepare("PRAGMA max_page_count = " + pages).executeQuery()) {
            rs.next();
        }
    }
}
