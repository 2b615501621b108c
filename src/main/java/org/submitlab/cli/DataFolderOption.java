package org.submitlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.submitlab.app.DataFolders;
import org.submitlab.app.Runs;
import org.submitlab.store.Store;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by the commands, defaulting to the per-user data folder. */
final class DataFolderOption {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: the per-user application-data folder, ~/.local/share/submitlab on Linux).")
    Path data;

    Path folder() {
        return data != null ? data : DataFolders.defaultFolder();
    }

    /**
     * Opens the store of a folder that a server has already used, for a short administrative write that
     * works beside a running server (no folder lock); a clear error when there is no data.
     */
    Store openExisting() {
        return Store.openForAdministration(existing(folder()));
    }

    /** Live's store for an administrative change, created when the folder has none yet; works beside a running server. */
    Store openForAdministration() {
        return Store.openForAdministration(folder());
    }

    /** Live's store, or with {@code run} (an id or "latest") that run's own store, to read only (beside a running server). */
    Store openWorldReadOnly(String run) {
        if (run == null) {
            return Store.openReadOnly(existing(folder()));
        }
        try {
            return Store.openReadOnly(existing(new Runs(folder()).folderOf(run)));
        } catch (Runs.NoSuchRunException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private static Path existing(Path folder) {
        if (!Files.isRegularFile(folder.resolve(Store.FILE_NAME))) {
            throw new CommandFailure("no SubmitLab data in " + folder.toAbsolutePath()
                    + " (run 'submitlab serve' first, or give the folder with --data)");
        }
        return folder;
    }
}
