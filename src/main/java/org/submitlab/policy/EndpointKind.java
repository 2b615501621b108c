package org.submitlab.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which Exchange Online endpoint a listener plays. */
public enum EndpointKind {
    /** {@code smtp.office365.com:587}: TLS 1.2 and 1.3 clients only (older ones get 421 4.7.66). */
    STANDARD("standard", "smtp.office365.com"),
    /** {@code smtp-legacy.office365.com}: also serves TLS 1.0/1.1 clients. */
    LEGACY("legacy", "smtp-legacy.office365.com"),
    /** High Volume Email, {@code smtp.hve.mx.microsoft:587}: internal recipients only, 50 per message, no Sent Items. */
    HVE("hve", "smtp.hve.mx.microsoft");

    /** HVE's recipients per message. */
    public static final int HVE_RECIPIENTS_PER_MESSAGE = 50;

    private final String id;
    private final String exchangeHost;

    EndpointKind(String id, String exchangeHost) {
        this.id = id;
        this.exchangeHost = exchangeHost;
    }

    public String id() {
        return id;
    }

    /** The host name of the Exchange Online endpoint this one plays. */
    public String exchangeHost() {
        return exchangeHost;
    }

    public static EndpointKind byId(String id) {
        for (EndpointKind k : values()) {
            if (k.id.equalsIgnoreCase(id.trim()) || k.name().equalsIgnoreCase(id.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown endpoint '" + id + "'; choose one of "
                + Arrays.stream(values()).map(EndpointKind::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
