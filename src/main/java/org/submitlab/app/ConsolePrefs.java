package org.submitlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.submitlab.policy.EndpointKind;

/** Where the console's Live server listens, kept in {@code <data>/console.properties} between sessions. */
public final class ConsolePrefs {

    static final String FILE = "console.properties";

    private ConsolePrefs() {
    }

    /** Where and as which endpoint (standard, legacy, HVE) Live's server listens. */
    public record Listen(InetAddress bind, int port, EndpointKind kind) {
        public Listen(InetAddress bind, int port) {
            this(bind, port, EndpointKind.STANDARD);
        }
    }

    public static Optional<Listen> load(Path dataDir) {
        Path f = dataDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
            return Optional.of(new Listen(InetAddress.getByName(p.getProperty("bind", "127.0.0.1")),
                    Integer.parseInt(p.getProperty("port", "0")), EndpointKind.byId(p.getProperty("endpoint", "standard"))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static void save(Path dataDir, Listen listen) {
        Properties p = new Properties();
        p.setProperty("bind", listen.bind().getHostAddress());
        p.setProperty("port", Integer.toString(listen.port()));
        p.setProperty("endpoint", listen.kind().id());
        try {
            Files.createDirectories(dataDir);
            try (OutputStream out = Files.newOutputStream(dataDir.resolve(FILE))) {
                p.store(out, "Where the SubmitLab console's Live server listens");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + dataDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** "0.0.0.0", "192.168.1.20", "::" ...; refuses what is not an IP address (no name lookups). */
    public static InetAddress address(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address like 127.0.0.1 or 0.0.0.0");
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address like 127.0.0.1 or 0.0.0.0");
        }
    }
}
