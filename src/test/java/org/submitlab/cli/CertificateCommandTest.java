package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.testing.StartTls;

/** The certificate a device is told to trust is the one the server presents at STARTTLS. */
class CertificateCommandTest {

    @TempDir
    Path temp;

    @Test
    void theExportedCertificateIsTheOneTheServerPresents() throws Exception {
        Path pem = temp.resolve("submitlab.pem");
        Path der = temp.resolve("submitlab.cer");

        CliRun exported = CliRun.of("certificate", "export", pem.toString(), "--data", temp.toString());
        CliRun exportedDer = CliRun.of("certificate", "export", der.toString(), "--der", "--data", temp.toString());

        assertThat(exported.exitCode()).isZero();
        assertThat(exportedDer.exitCode()).isZero();
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE");
        X509Certificate fromPem = read(pem);
        assertThat(read(der)).isEqualTo(fromPem);
        try (ServeProcess serve = ServeProcess.start(temp)) {
            assertThat(StartTls.serverCertificate(serve.host(), serve.port())).isEqualTo(fromPem);
        }
    }

    @Test
    void showNamesWhatTheCertificateCovers() {
        CliRun run = CliRun.of("certificate", "show", "--data", temp.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Covers", "localhost", "127.0.0.1").containsPattern("SHA-256 +([0-9A-F]{2}:){31}");
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
