package org.submitlab.server.tls;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.concurrent.NamedThreads;

/**
 * A data folder's {@link TlsIdentity}, read (or made, on the first start) on a thread of its own from the moment
 * this is built, so that a server can listen before its key is read: reading the PKCS#12 costs two PBKDF2
 * derivations and the first use of JSSE, a third of a start (docs/decisions/0204-start-up.md). {@link #get()}
 * waits for it; a keystore that cannot be read fails every {@code get()} with the reason.
 */
public final class LazyTlsIdentity implements Supplier<TlsIdentity> {

    private static final Logger LOG = LoggerFactory.getLogger(LazyTlsIdentity.class);

    private final CompletableFuture<TlsIdentity> identity = new CompletableFuture<>();

    public LazyTlsIdentity(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        new NamedThreads("submitlab-tls-load").newThread(() -> {
            try {
                identity.complete(TlsMaterial.identity(dataDir));
            } catch (RuntimeException | Error e) {
                LOG.warn("The server's TLS certificate cannot be used, so STARTTLS is refused: {}", e.getMessage());
                identity.completeExceptionally(e);
            }
        }).start();
    }

    /** The identity, once loaded; throws {@link IllegalStateException} with the reason it could not be. */
    @Override
    public TlsIdentity get() {
        try {
            return identity.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
