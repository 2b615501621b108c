package org.submitlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
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
        return Store.openForAdministration(existingFolder());
    }

    /** Opens the store of a folder that a server has already used, to read only (beside a running server). */
    Store openExistingReadOnly() {
        return Store.openReadOnly(existingFolder());
    }

    private Path existingFolder() {
        Path folder = folder();
        if (!Files.isRegularFile(folder.resolve("submitlab.db"))) {
            throw new CommandFailure("no SubmitLab data in " + folder.toAbsolutePath()
                    + " (run 'submitlab serve' first, or give the folder with --data)");
        }
        return folder;
    }
}
