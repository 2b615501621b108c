package org.submitlab.ui;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.submitlab.app.DataFolders;
import org.submitlab.app.DefaultPort;

/**
 * How the console starts.
 *
 * @param dataDir          where Live's database, the certificate, settings and runs live
 * @param port             Live's SMTP port; 0 picks a free one
 * @param startServer      start Live's server as soon as the window opens
 * @param fallbackToAnyPort when {@code port} is taken, listen on any free port instead of failing
 */
public record ConsoleOptions(Path dataDir, int port, boolean startServer, boolean fallbackToAnyPort) {

    /**
     * From system properties submitlab.data and submitlab.port, else the user's data folder and the
     * same port {@code serve} picks: 587 where it can be bound, else 2587.
     */
    public static ConsoleOptions fromSystemProperties() {
        Path data = Optional.ofNullable(System.getProperty("submitlab.data")).filter(s -> !s.isBlank())
                .map(Path::of).orElseGet(DataFolders::defaultFolder);
        Integer given = Integer.getInteger("submitlab.port");
        int port = given != null ? given : DefaultPort.choose(InetAddress.getLoopbackAddress());
        return new ConsoleOptions(data, port, true, true);
    }

    /** For tests: a temporary folder and any free port. */
    public static ConsoleOptions forTests(Path dataDir) {
        return new ConsoleOptions(dataDir, 0, true, true);
    }
}
