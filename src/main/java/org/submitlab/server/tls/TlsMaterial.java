package org.submitlab.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.submitlab.policy.LabClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS key and certificate: a self-signed certificate generated on first start with
 * BouncyCastle (the packaged runtime has no keytool) and kept as {@code dataDir/tls/submitlab.p12},
 * its password in {@code submitlab.p12.password} beside it (owner-only where the OS allows), or a
 * PKCS#12 the user supplies. The contexts it makes are used with {@link TlsSocketCreator}, which
 * allows TLS 1.2 and 1.3 only; the key and chain of a {@link TlsIdentity} also serve TLS 1.0/1.1 clients
 * through a TLS library of their own (docs/decisions/0301).
 */
public final class TlsMaterial {

    public static final String KEYSTORE = "submitlab.p12";
    public static final String PASSWORD_FILE = "submitlab.p12.password";
    static final String ALIAS = "submitlab";
    static final int SESSION_CACHE = 1_000;
    static final int SESSION_TIMEOUT_SECONDS = 3_600;

    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SERVER_TICKETS = "jdk.tls.server.enableSessionTicketExtension";

    private TlsMaterial() {
    }

    /** The context from {@code dataDir/tls}, creating the key and certificate there on first use. */
    public static SSLContext loadOrCreate(Path dataDir) {
        return identity(dataDir).context();
    }

    /** The key, chain and context from {@code dataDir/tls}, creating the key and certificate there on first use. */
    public static synchronized TlsIdentity identity(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        Path store = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        try {
            if (!Files.exists(store) || !Files.exists(passwordFile)) {
                create(dir, store, passwordFile);
            }
            char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
            return identityFromPkcs12(store, password);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create or read the TLS certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The context from a user-supplied PKCS#12 file (its key protected by the same password). */
    public static SSLContext fromPkcs12(Path file, char[] password) {
        return identityFromPkcs12(file, password).context();
    }

    /**
     * The key, chain and context from a user-supplied PKCS#12 file (its key protected by the same password): its
     * first key entry, the one both TLS stacks present.
     */
    public static TlsIdentity identityFromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore source = KeyStore.getInstance("PKCS12");
            source.load(in, password);
            String alias = keyAlias(source);
            if (alias == null) {
                throw new IllegalArgumentException(file + " holds no private key, only certificates");
            }
            PrivateKey key = (PrivateKey) source.getKey(alias, password);
            java.security.cert.Certificate[] chain = source.getCertificateChain(alias);
            List<X509Certificate> certificates = new ArrayList<>();
            for (java.security.cert.Certificate c : chain) {
                certificates.add((X509Certificate) c);
            }
            // Only that entry, so the JVM's TLS presents the same key as the legacy TLS library.
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext context = serverContextWithoutTickets();
            context.init(kmf.getKeyManagers(), null, RANDOM);
            // The JDK keeps 20,480 sessions for 24 h: at a few hundred simulated connections a second that is
            // over 100 MB of heap for sessions nobody resumes. A bounded cache keeps resumption for real devices.
            context.getServerSessionContext().setSessionCacheSize(SESSION_CACHE);
            context.getServerSessionContext().setSessionTimeout(SESSION_TIMEOUT_SECONDS);
            return new TlsIdentity(key, certificates, context);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("cannot read the PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A server context that resumes sessions from its cache by session ID instead of encrypting a new ticket for
     * every connection and decrypting the last one (a quarter of the session threads' time in the 1,000-device
     * office; docs/decisions/0209-server-sessions-by-id.md). JDK 17 reads that switch only from this system
     * property, when a context is made; a value the user set is left as it is.
     */
    private static SSLContext serverContextWithoutTickets() throws NoSuchAlgorithmException {
        synchronized (SERVER_TICKETS) {
            if (System.getProperty(SERVER_TICKETS) != null) {
                return SSLContext.getInstance("TLS");
            }
            System.setProperty(SERVER_TICKETS, "false");
            try {
                return SSLContext.getInstance("TLS");
            } finally {
                System.clearProperty(SERVER_TICKETS);
            }
        }
    }

    private static String keyAlias(KeyStore ks) throws KeyStoreException {
        for (java.util.Enumeration<String> e = ks.aliases(); e.hasMoreElements();) {
            String a = e.nextElement();
            if (ks.isKeyEntry(a)) {
                return a;
            }
        }
        return null;
    }

    /** The certificate in the data folder's keystore (for clients that want to trust it). */
    public static X509Certificate certificate(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        try (InputStream in = Files.newInputStream(dir.resolve(KEYSTORE))) {
            char[] password = Files.readString(dir.resolve(PASSWORD_FILE), StandardCharsets.UTF_8).trim().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return (X509Certificate) ks.getCertificate(ALIAS);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the certificate (not the key) as PEM, for a device that must be told to trust it. */
    public static void exportPem(Path dataDir, Path target) {
        X509Certificate cert = certificate(dataDir);
        try {
            String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(cert.getEncoded());
            Files.writeString(target, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n",
                    StandardCharsets.US_ASCII);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the certificate to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes a PKCS#12 of the user's (a certificate and its key) the data folder's own, under a new random
     * password kept beside it; the one it replaces is kept as {@code submitlab.p12.previous}. Refuses a file
     * that cannot be opened with {@code password} or holds no key, changing nothing.
     */
    public static synchronized void importPkcs12(Path dataDir, Path file, char[] password) {
        Path dir = dataDir.resolve("tls");
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore source = KeyStore.getInstance("PKCS12");
            source.load(in, password);
            String alias = keyAlias(source);
            if (alias == null) {
                throw new IllegalArgumentException(file + " holds no private key, only certificates");
            }
            java.security.Key key = source.getKey(alias, password);
            java.security.cert.Certificate[] chain = source.getCertificateChain(alias);
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            char[] ours = java.util.HexFormat.of().formatHex(secret).toCharArray();
            KeyStore target = KeyStore.getInstance("PKCS12");
            target.load(null, null);
            target.setKeyEntry(ALIAS, key, ours, chain);
            Files.createDirectories(dir);
            Path store = dir.resolve(KEYSTORE);
            if (Files.exists(store)) {
                Files.copy(store, dir.resolve(KEYSTORE + ".previous"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Path tmp = dir.resolve(KEYSTORE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                target.store(out, ours);
            }
            restrict(tmp);
            writeOwnerOnly(dir.resolve(PASSWORD_FILE), new String(ours).getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, store, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Imported the certificate of {} into {}", file, store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use " + file + " as the certificate: " + e.getMessage()
                    + " (a PKCS#12 file with its password?)", e);
        }
    }

    private static void create(Path dir, Path store, Path passwordFile) throws IOException {
        Files.createDirectories(dir);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        char[] password = java.util.HexFormat.of().formatHex(secret).toCharArray();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate cert = selfSigned(pair);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new X509Certificate[] {cert});
            writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.UTF_8));
            try (OutputStream out = Files.newOutputStream(store)) {
                ks.store(out, password);
            }
            restrict(store);
            LOG.info("Generated a self-signed TLS certificate in {}", store);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a TLS certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException, OperatorCreationException,
            IOException {
        // Certificates are checked against real time by clients, so this reads the real clock.
        Instant now = LabClock.system().instant();
        X500Name name = new X500Name("CN=SubmitLab, O=SubmitLab lab server");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        List<GeneralName> names = new ArrayList<>(List.of(
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1"),
                new GeneralName(GeneralName.dNSName, localHostName())));
        // A device on the LAN that checks names connects to one of these addresses.
        for (String address : localAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, address));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** This machine's non-loopback addresses (without IPv6 scope ids). */
    public static List<String> localAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (java.net.NetworkInterface ni : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : java.util.Collections.list(ni.getInetAddresses())) {
                    if (!a.isLinkLocalAddress()) {
                        String text = a.getHostAddress();
                        int scope = text.indexOf('%');
                        out.add(scope < 0 ? text : text.substring(0, scope));
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot list the network interfaces: {}", e.toString());
        }
        return out;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        restrict(file);
        Files.write(file, content);
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            java.io.File f = file.toFile();
            boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!ok) {
                LOG.debug("Could not restrict permissions of {}", file);
            }
        }
    }
}
