package org.submitlab.ui;

import java.nio.file.Path;
import java.util.Optional;
import org.submitlab.cli.DataFolders;

/**
 * How the console starts.
 *
 * @param dataDir          where the database, certificate and settings live
 * @param port             the SMTP port to listen on; 0 picks a free one
 * @param startServer      start the server as soon as the window opens
 * @param fallbackToAnyPort when {@code port} is taken, listen on any free port instead of failing
 */
public record ConsoleOptions(Path dataDir, int port, boolean startServer, boolean fallbackToAnyPort) {

    public static final int DEFAULT_PORT = 2525;

    /** From system properties submitlab.data and submitlab.port, else the user's data folder and port 2525. */
    public static ConsoleOptions fromSystemProperties() {
        Path data = Optional.ofNullable(System.getProperty("submitlab.data")).filter(s -> !s.isBlank())
                .map(Path::of).orElseGet(DataFolders::defaultFolder);
        int port = Integer.getInteger("submitlab.port", DEFAULT_PORT);
        return new ConsoleOptions(data, port, true, true);
    }

    /** For tests: a temporary folder and any free port. */
    public static ConsoleOptions forTests(Path dataDir) {
        return new ConsoleOptions(dataDir, 0, true, true);
    }
}
