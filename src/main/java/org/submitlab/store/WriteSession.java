package org.submitlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's connection with a cache of prepared statements (the writer inserts the same few rows over and
 * over), and the way back to a clean state after a failure ({@link #recover}).
 */
final class WriteSession implements AutoCloseable {

    /** Opens a new write connection (the first, or one to replace a broken one). */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WriteSession.class);

    private final Connector connector;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;

    WriteSession(Connector connector) throws SQLException {
        this.connector = connector;
        this.connection = connector.connect();
    }

    /** A cached statement: do not close it. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    void execute(String sql) throws SQLException {
        prepare(sql).execute();
    }

    /**
     * Brings the connection back to "no transaction open" after any failure. sqlite-jdbc leaves a statement
     * that failed (SQLITE_FULL above all) unusable ("statement is not executing"), and SQLite keeps the
     * transaction of a failed COMMIT open, so: drop every cached statement, roll back with a fresh one, check
     * a transaction can start again, and open a new connection when it cannot. Never throws: a connection
     * that cannot be opened now is tried again on the next failure.
     */
    void recover() {
        closeStatements();
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("rollback after a failed write: {}", e.getMessage()); // usually: no transaction is active
        }
        if (usable()) {
            return;
        }
        LOG.warn("The write connection stayed unusable after a failure; opening a new one");
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the broken write connection failed", e);
        }
        try {
            connection = connector.connect();
        } catch (SQLException e) {
            LOG.warn("Could not open a new write connection: {}", e.getMessage());
        }
    }

    private boolean usable() {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("ROLLBACK");
            return true;
        } catch (SQLException e) {
            LOG.debug("the write connection cannot start a transaction: {}", e.getMessage());
            return false;
        }
    }

    private void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                LOG.debug("closing a cached statement failed", e);
            }
        }
        statements.clear();
    }

    @Override
    public void close() throws SQLException {
        closeStatements();
        connection.close();
    }
}
