package org.submitlab.policy;

/** Why a submission was refused, as far as continuous-error throttling cares. */
public enum RefusalKind {
    MAILBOX_FULL(Replies.THROTTLED_MAILBOX_FULL),
    SEND_AS_DENIED(Replies.THROTTLED_SEND_AS_DENIED),
    TOO_MANY_RECIPIENTS(Replies.THROTTLED_TOO_MANY_RECIPIENTS),
    /** Any other refusal: it neither counts towards nor breaks a streak. */
    OTHER(null);

    private final String throttledReply;

    RefusalKind(String throttledReply) {
        this.throttledReply = throttledReply;
    }

    /** The 550 5.2.25x line a throttled sender gets for this kind (null for OTHER). */
    public String throttledReply() {
        return throttledReply;
    }
}
