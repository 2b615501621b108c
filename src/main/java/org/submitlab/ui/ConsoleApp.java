package org.submitlab.ui;

import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.submitlab.policy.ScaledClock;
import org.submitlab.ui.common.BackgroundTasks;
import org.submitlab.ui.common.UiContext;

/**
 * The SubmitLab console. Owns the one {@link ScaledClock} the server and the simulator share,
 * the background threads, and the lab. Started by {@link org.submitlab.Main} (the jar's main
 * class) or by {@code mvn javafx:run}.
 */
public final class ConsoleApp extends Application {

    private final ConsoleOptions options;
    private BackgroundTasks background;
    private LabRuntime lab;
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
        ScaledClock clock = new ScaledClock(1.0);
        lab = new LabRuntime(options, clock);
        UiContext ui = new UiContext(ZoneId.systemDefault(), background, clock.instant());
        window = new ConsoleWindow(lab, ui);
        window.open(stage, options.startServer());
        stage.setMinWidth(Math.min(960, javafx.stage.Screen.getPrimary().getVisualBounds().getWidth()));
        stage.setMinHeight(Math.min(600, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight()));
        stage.show();
    }

    /** The window, for tests. */
    public ConsoleWindow window() {
        return window;
    }

    public LabRuntime lab() {
        return lab;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (lab != null) {
            lab.close();
        }
        if (background != null) {
            background.close();
        }
    }
}
