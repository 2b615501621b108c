package org.submitlab.ui.common;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** "Export CSV…": asks where, then writes off the FX thread and says what became of it. */
public final class CsvExport {

    /** Writes the CSV text to the file the user picked. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private CsvExport() {
    }

    public static void ask(Node owner, String title, String fileName, BackgroundTasks background, Content content,
            Consumer<String> status) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"));
        File f = chooser.showSaveDialog(owner.getScene().getWindow());
        if (f == null) {
            return;
        }
        background.run(() -> {
            try (Writer w = Files.newBufferedWriter(f.toPath(), StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            return f;
        }, x -> status.accept("Saved " + x), e -> status.accept("Could not save " + f + ": " + e.getMessage()));
    }
}
