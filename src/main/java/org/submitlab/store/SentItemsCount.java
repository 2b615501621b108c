package org.submitlab.store;

/**
 * How many Sent Items a filter matches, as far as it was counted. {@code exact} is false when counting
 * stopped at a cap: there are at least {@code value} ("10,000+"). {@code window} is not 0 when the term was
 * too short for the index (under three characters) and only the newest {@code window} items were searched.
 */
public record SentItemsCount(long value, boolean exact, int window) {

    public static SentItemsCount exactly(long value) {
        return new SentItemsCount(value, true, 0);
    }
}
