package org.submitlab.store;

import java.sql.SQLException;

/** Work the writer thread runs inside its current transaction. */
@FunctionalInterface
interface WriteTask<T> {
    T run(WriteSession session) throws SQLException;
}
