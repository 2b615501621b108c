package org.submitlab.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where SubmitLab keeps its data when no folder is given: the operating system's per-user
 * application-data folder (Linux: $XDG_DATA_HOME/submitlab or ~/.local/share/submitlab;
 * macOS: ~/Library/Application Support/SubmitLab; Windows: %APPDATA%\SubmitLab).
 */
public final class DataFolders {

    private DataFolders() {
    }

    /** The default data folder of the current user on this machine. */
    public static Path defaultFolder() {
        return defaultFolder(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home", ".")));
    }

    /** The default data folder for the given operating system name, environment and home folder. */
    public static Path defaultFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = isSet(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("SubmitLab");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("SubmitLab");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if (isSet(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("submitlab");
        }
        return home.resolve(".local").resolve("share").resolve("submitlab");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
