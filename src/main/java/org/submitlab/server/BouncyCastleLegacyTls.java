package org.submitlab.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsServerContext;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.submitlab.server.tls.TlsIdentity;

/**
 * TLS 1.0 and 1.1 for STARTTLS with BouncyCastle's own TLS protocol ({@code bctls}, its low-level API, not its
 * JSSE provider): nothing of the JVM's TLS is used or changed, so {@code jdk.tls.disabledAlgorithms} keeps
 * refusing those versions for every other connection of the process (docs/decisions/0301). The crypto is
 * BouncyCastle's lightweight one, so the packaged runtime needs no JCA provider for it.
 *
 * <p>It presents the server's own key and chain ({@link TlsIdentity}, the same the JVM's TLS presents) and offers
 * what TLS 1.0/1.1 devices can use: ECDHE and DHE with AES-CBC and SHA-1 first (forward secrecy), then RSA key
 * transport with AES-128-CBC-SHA for old printers that know nothing else. An EC key gets the ECDSA suites.
 */
public final class BouncyCastleLegacyTls implements LegacyTlsAcceptor {

    private static final Logger LOG = LoggerFactory.getLogger(BouncyCastleLegacyTls.class);

    /** The suites for an RSA key, in the server's order of preference, by their JSSE names. */
    private static final Map<Integer, String> RSA_SUITES = suites(
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
            CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, "TLS_RSA_WITH_AES_128_CBC_SHA");
    /** The suites for an EC key. */
    private static final Map<Integer, String> ECDSA_SUITES = suites(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");

    private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private final AsymmetricKeyParameter key;
    private final Certificate chain;
    private final Map<Integer, String> suites;
    private final int[] suiteIds;

    /** Presents {@code identity}'s key and chain; refuses a key that is neither RSA nor EC. */
    public BouncyCastleLegacyTls(TlsIdentity identity) {
        try {
            this.key = PrivateKeyFactory.createKey(identity.key().getEncoded());
            TlsCertificate[] certificates = new TlsCertificate[identity.chain().size()];
            int i = 0;
            for (X509Certificate c : identity.chain()) {
                certificates[i++] = crypto.createCertificate(c.getEncoded());
            }
            this.chain = new Certificate(certificates);
        } catch (IOException | CertificateEncodingException | RuntimeException e) {
            throw new IllegalArgumentException("cannot use the server's key for TLS 1.0/1.1: " + e.getMessage(), e);
        }
        if (key instanceof RSAKeyParameters) {
            suites = RSA_SUITES;
        } else if (key instanceof ECPrivateKeyParameters) {
            suites = ECDSA_SUITES;
        } else {
            throw new IllegalArgumentException("cannot use a " + identity.key().getAlgorithm()
                    + " key for TLS 1.0/1.1 (RSA or EC only)");
        }
        this.suiteIds = suites.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The cipher suites offered, by their JSSE names, in the server's order of preference. */
    public List<String> cipherSuites() {
        return List.copyOf(suites.values());
    }

    @Override
    public Accepted accept(Socket tcp, byte[] consumed) throws IOException {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(consumed), tcp.getInputStream());
        TlsServerProtocol protocol = new TlsServerProtocol(in, tcp.getOutputStream());
        Server server = new Server();
        protocol.accept(server); // blocking: returns once the handshake completed, throws when it failed
        SecurityParameters agreed = server.context().getSecurityParametersConnection();
        String version = ClientHello.name(agreed.getNegotiatedVersion().getFullVersion());
        String suite = suites.getOrDefault(agreed.getCipherSuite(),
                String.format("0x%04X", agreed.getCipherSuite()));
        return new Accepted(new LegacyTlsSocket(tcp, protocol), version, suite);
    }

    private static Map<Integer, String> suites(Object... idsAndNames) {
        Map<Integer, String> m = new LinkedHashMap<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            m.put((Integer) idsAndNames[i], (String) idsAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** One connection's server side: TLS 1.1 and 1.0 only (1.2 and 1.3 clients never reach it). */
    private final class Server extends DefaultTlsServer {

        Server() {
            super(crypto);
        }

        TlsServerContext context() {
            return context;
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv11.downTo(ProtocolVersion.TLSv10);
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            return TlsUtils.getSupportedCipherSuites(getCrypto(), suiteIds);
        }

        @Override
        protected boolean preferLocalCipherSuites() {
            return true;
        }

        /**
         * A device that drops the connection without close_notify (printers do) is a client gone, as with the
         * JVM's TLS: the session reads end of stream, not a TlsNoCloseNotifyException the library logs as an error.
         */
        @Override
        public boolean requiresCloseNotify() {
            return false;
        }

        @Override
        protected TlsCredentialedSigner getRSASignerCredentials() {
            return signer();
        }

        @Override
        protected TlsCredentialedSigner getECDSASignerCredentials() {
            return signer();
        }

        @Override
        protected TlsCredentialedDecryptor getRSAEncryptionCredentials() {
            return new BcDefaultTlsCredentialedDecryptor(crypto, chain, key);
        }

        /** TLS 1.0/1.1 have no signature_algorithms: the signature is MD5+SHA-1 (RSA) or SHA-1 (ECDSA). */
        private TlsCredentialedSigner signer() {
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key, chain, null);
        }

        @Override
        public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
            if (level == AlertLevel.fatal) {
                LOG.debug("legacy TLS: sent {} ({})", AlertDescription.getText(description), message, cause);
            }
        }

        @Override
        public void notifyAlertReceived(short level, short description) {
            if (level == AlertLevel.fatal) {
                LOG.debug("legacy TLS: the client sent {}", AlertDescription.getText(description));
            }
        }
    }
}
