package org.submitlab.ui;

import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.submitlab.ui.common.BackgroundTasks;

/**
 * The SubmitLab console. Owns the background threads and the window, which opens the data folder's
 * Live tenant and its runs. Started by {@link org.submitlab.Main} (the jar's main class) or by
 * {@code mvn javafx:run}.
 */
public final class ConsoleApp extends Application {

    private final ConsoleOptions options;
    private BackgroundTasks background;
    private ConsoleWindow window;

    public ConsoleApp() {
        this(ConsoleOptions.fromSystemProperties());
    }

    public ConsoleApp(ConsoleOptions options) {
        this.options = options;
    }

    public static void launchConsole(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        background = new BackgroundTasks("submitlab-console", 2, Platform::runLater);
        window = new ConsoleWindow(options, background, ZoneId.systemDefault());
        window.setFileOpener(file -> getHostServices().showDocument(file.toUri().toString()));
        window.open(stage);
        stage.setMinWidth(Math.min(960, javafx.stage.Screen.getPrimary().getVisualBounds().getWidth()));
        stage.setMinHeight(Math.min(600, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight()));
        stage.show();
    }

    /** The window, for tests. */
    public ConsoleWindow window() {
        return window;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (background != null) {
            background.close();
        }
    }
}
