package org.submitlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.submitlab.server.tls.TlsMaterial;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certificate show|export}: the server's certificate, for a device that must trust it. */
@Command(name = "certificate", mixinStandardHelpOptions = true,
        description = "The server's TLS certificate: show what it covers, or export it for a device that must trust it.",
        subcommands = {CertificateCommand.Show.class, CertificateCommand.Export.class})
public final class CertificateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: show or export");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Subject, the names and addresses it covers, validity and SHA-256 fingerprint.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataFolderOption data = new DataFolderOption();

        @Override
        public Integer call() throws Exception {
            X509Certificate c = certificate(data);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Subject      " + c.getSubjectX500Principal().getName());
            out.println("Covers       " + String.join(", ", names(c)));
            out.println("Valid        " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant());
            out.println("SHA-256      " + HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded())));
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes the certificate (never the key) as PEM, or with --der as DER (.cer).")
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        DataFolderOption data = new DataFolderOption();
        @Parameters(paramLabel = "FILE", description = "Where to write it, e.g. submitlab.pem.")
        Path file;
        @Option(names = "--der", description = "Binary DER instead of PEM (some devices want a .cer).")
        boolean der;

        @Override
        public Integer call() throws Exception {
            X509Certificate c = certificate(data);
            if (der) {
                Files.write(file, c.getEncoded());
            } else {
                TlsMaterial.exportPem(data.folder(), file);
            }
            spec.commandLine().getOut().println("wrote " + file + " (" + String.join(", ", names(c)) + ")");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** The folder's certificate, made now if the folder has none yet (the server would make the same). */
    private static X509Certificate certificate(DataFolderOption data) {
        TlsMaterial.loadOrCreate(data.folder());
        return TlsMaterial.certificate(data.folder());
    }

    private static List<String> names(X509Certificate c) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        if (c.getSubjectAlternativeNames() != null) {
            for (List<?> san : c.getSubjectAlternativeNames()) {
                names.add(String.valueOf(san.get(1)));
            }
        }
        return names;
    }
}
