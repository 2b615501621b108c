package org.submitlab.store;

/** A storage failure, with a message naming the database file and what went wrong. */
public final class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
