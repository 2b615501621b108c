package org.submitlab.sim;

/**
 * How many recipients each message has and where they appear, drawn from a recipient pool.
 *
 * @param pool        the pool's name
 * @param to          addresses in To (and the envelope)
 * @param cc          addresses in Cc (and the envelope)
 * @param bcc         envelope-only addresses
 * @param sequential  walk the pool in order (batches) instead of drawing at random
 */
public record RecipientMix(String pool, int to, int cc, int bcc, boolean sequential) {

    public RecipientMix {
        if (to < 0 || cc < 0 || bcc < 0 || to + cc + bcc < 1) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
    }

    public int perMessage() {
        return to + cc + bcc;
    }
}
