package org.submitlab.server.tls;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which protocol versions and cipher suites a listener offers: the one place to choose them. {@link #MODERN}
 * is the submission endpoint's: TLS 1.3, and on TLS 1.2 only ECDHE key exchange (forward secrecy) with a
 * SHA-2 MAC or AEAD. A legacy endpoint for TLS 1.0/1.1 devices gets a policy of its own here, so widening
 * it never touches the main endpoint.
 */
public enum TlsPolicy {

    MODERN(List.of("TLSv1.3", "TLSv1.2"), TlsPolicy::modernSuite);

    private final List<String> protocols;
    private final Predicate<String> suite;

    TlsPolicy(List<String> protocols, Predicate<String> suite) {
        this.protocols = protocols;
        this.suite = suite;
    }

    /** The protocols to enable, out of {@code supported}, in the JDK's order. */
    public String[] protocols(String[] supported) {
        return Arrays.stream(supported).filter(protocols::contains).toArray(String[]::new);
    }

    /** The cipher suites to enable, out of {@code supported}, in the JDK's (preference) order. */
    public String[] suites(String[] supported) {
        return Arrays.stream(supported).filter(suite).toArray(String[]::new);
    }

    private static boolean modernSuite(String name) {
        if (name.startsWith("TLS_AES_") || name.startsWith("TLS_CHACHA20_")) {
            return true; // TLS 1.3: every suite is forward secret and AEAD
        }
        return name.startsWith("TLS_ECDHE_") && (name.endsWith("_SHA256") || name.endsWith("_SHA384"));
    }
}
