package org.submitlab.policy;

/**
 * Basic authentication (AUTH LOGIN with a password) for SMTP AUTH, with Exchange's timeline: on until the end
 * of December 2026, then off by default for existing tenants (an admin may turn it back on), then removed for
 * good on a date Microsoft announces in the second half of 2027. XOAUTH2 works in every state.
 */
public enum BasicAuth {
    ENABLED,
    /** AUTH LOGIN gets {@link Replies#AUTH_BASIC_DISABLED}; an admin may turn it back on. */
    DISABLED,
    /** AUTH LOGIN gets {@link Replies#BASIC_AUTH_NOT_SUPPORTED}; it cannot be turned back on. */
    REMOVED;

    /** The reply refusing AUTH LOGIN in this state, or null when AUTH LOGIN is allowed. */
    public String loginRefusal() {
        return switch (this) {
            case ENABLED -> null;
            case DISABLED -> Replies.AUTH_BASIC_DISABLED;
            case REMOVED -> Replies.BASIC_AUTH_NOT_SUPPORTED;
        };
    }

    /** The step after this one on Exchange's timeline (REMOVED is the last). */
    public BasicAuth next() {
        return this == REMOVED ? REMOVED : values()[ordinal() + 1];
    }

    /** Refuses a change Exchange does not allow: once removed, basic authentication never comes back. */
    public static void checkChange(BasicAuth from, BasicAuth to) {
        if (from == REMOVED && to != REMOVED) {
            throw new IllegalArgumentException("basic authentication was removed (Exchange's final step): it cannot "
                    + "be turned back on; a new data folder starts a tenant afresh");
        }
    }
}
