package org.submitlab.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether the database changed since the last look: SQLite's {@code PRAGMA data_version} moves when
 * any other connection commits, in this process or another (an admin command beside a running server).
 * One connection of its own, as the pragma is per connection. Not thread-safe: one poller uses it.
 */
public final class ChangeWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatch.class);

    private final Connection connection;
    private long seen;

    ChangeWatch(Connection connection) {
        this.connection = connection;
        this.seen = version();
    }

    /** Whether anything was committed since the last call (or since this watch was made). */
    public boolean changed() {
        long v = version();
        boolean changed = v != seen;
        seen = v;
        return changed;
    }

    private long version() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            LOG.debug("PRAGMA data_version failed: {}", e.toString());
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the change watch: {}", e.toString());
        }
    }
}
