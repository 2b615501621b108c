package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFoldersTest {

    private final Path home = Path.of("/home/ada");

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertThat(DataFolders.defaultFolder("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), home))
                .isEqualTo(Path.of("/data/ada/submitlab"));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertThat(DataFolders.defaultFolder("Linux", Map.of(), home))
                .isEqualTo(home.resolve(".local/share/submitlab"));
    }

    @Test
    void linuxIgnoresARelativeXdgDataHome() {
        assertThat(DataFolders.defaultFolder("Linux", Map.of("XDG_DATA_HOME", "relative/dir"), home))
                .isEqualTo(home.resolve(".local/share/submitlab"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataFolders.defaultFolder("Mac OS X", Map.of(), home))
                .isEqualTo(home.resolve("Library/Application Support/SubmitLab"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataFolders.defaultFolder("Windows 11", Map.of("APPDATA", "/users/ada/AppData/Roaming"), home))
                .isEqualTo(Path.of("/users/ada/AppData/Roaming/SubmitLab"));
    }

    @Test
    void windowsWithoutAppDataUsesTheRoamingFolderInHome() {
        assertThat(DataFolders.defaultFolder("Windows 10", Map.of(), home))
                .isEqualTo(home.resolve("AppData/Roaming/SubmitLab"));
    }
}
