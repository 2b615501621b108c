package org.submitlab.policy;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A named behaviour of the endpoint: which reply texts it uses and which logins it allows. */
public enum Profile {
    EXCHANGE_ONLINE("exchange-online", true, Replies.CONCURRENCY_LIMIT),
    EXCHANGE_ONLINE_2018("exchange-online-2018", true, Replies.CONCURRENCY_LIMIT_2018),
    BASIC_AUTH_OFF("basic-auth-off", false, Replies.CONCURRENCY_LIMIT);

    private final String id;
    private final boolean basicAuthAllowed;
    private final String concurrencyRefusal;

    Profile(String id, boolean basicAuthAllowed, String concurrencyRefusal) {
        this.id = id;
        this.basicAuthAllowed = basicAuthAllowed;
        this.concurrencyRefusal = concurrencyRefusal;
    }

    public String id() {
        return id;
    }

    /**
     * Whether AUTH LOGIN (username and password) is accepted; XOAUTH2 always is. {@code basic-auth-off} is the
     * name basic authentication {@code disabled} had before the timeline ({@link TenantSettings#basicAuth()}).
     */
    public boolean basicAuthAllowed() {
        return basicAuthAllowed;
    }

    /** The line refusing a transaction over the concurrent-submission limit, without suffix. */
    public String concurrencyRefusal() {
        return concurrencyRefusal;
    }

    public static Profile byId(String id) {
        for (Profile p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + id + "'; choose one of "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
