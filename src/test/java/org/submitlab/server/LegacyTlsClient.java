package org.submitlab.server;

import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A TLS 1.0 or 1.1 client as an old printer is one, with BouncyCastle's TLS (the JVM's refuses those versions):
 * it offers exactly one version, trusts any server certificate, and keeps what was agreed.
 */
final class LegacyTlsClient extends DefaultTlsClient {

    /** What an old printer offers when it knows nothing but RSA key transport. */
    static final int[] RSA_ONLY = {CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA};

    private final ProtocolVersion version;
    private final int[] suites;
    private byte[] serverCertificate;
    private TlsClientProtocol protocol;

    /** Offers only {@code version}, with BouncyCastle's default suites (those valid for it). */
    LegacyTlsClient(ProtocolVersion version) {
        this(version, null);
    }

    LegacyTlsClient(ProtocolVersion version, int[] suites) {
        super(new BcTlsCrypto(new SecureRandom()));
        this.version = version;
        this.suites = suites;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return version.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return suites != null ? TlsUtils.getSupportedCipherSuites(getCrypto(), suites) : super.getSupportedCipherSuites();
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new ServerOnlyTlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate certificate) throws IOException {
                serverCertificate = certificate.getCertificate().getCertificateAt(0).getEncoded();
            }
        };
    }

    /** The handshake over {@code tcp} (after the server's 220 to STARTTLS); then the session goes on over it. */
    TlsClientProtocol handshake(Socket tcp) throws IOException {
        protocol = new TlsClientProtocol(tcp.getInputStream(), tcp.getOutputStream());
        protocol.connect(this);
        return protocol;
    }

    /** The version agreed, as the JDK names it (TLSv1, TLSv1.1). */
    String protocolName() {
        return ClientHello.name(context.getServerVersion().getFullVersion());
    }

    int cipherSuite() {
        return context.getSecurityParametersConnection().getCipherSuite();
    }

    /** The server certificate presented (DER). */
    byte[] serverCertificate() {
        return serverCertificate;
    }

    /** EHLO, STARTTLS and this handshake on {@code c}: the client then talks over TLS. */
    void startTls(SmtpTestClient c) throws IOException {
        c.command("EHLO printer.test");
        String ready = c.command("STARTTLS");
        if (!ready.startsWith("220 ")) {
            throw new IOException("STARTTLS: " + ready);
        }
        TlsClientProtocol p = handshake(c.socket());
        c.useStreams(p.getInputStream(), p.getOutputStream());
    }
}
