package org.submitlab.server.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The server's key and certificate chain, and the JVM's TLS context made of them: the JVM's TLS presents them to
 * TLS 1.2 and 1.3 clients, a TLS library of its own to TLS 1.0/1.1 clients (docs/decisions/0301), so both see
 * the same certificate.
 *
 * @param key     the private key (RSA or EC)
 * @param chain   the certificate of {@code key} first, then its issuers
 * @param context the JVM's TLS context presenting them
 */
public record TlsIdentity(PrivateKey key, List<X509Certificate> chain, SSLContext context) {

    public TlsIdentity {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(context, "context");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the key's own certificate");
        }
    }

    /** The key's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
