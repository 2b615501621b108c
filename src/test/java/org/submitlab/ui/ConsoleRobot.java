package org.submitlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the console's GUI tests share: reading the scene on the FX thread, waiting on its state, tab shortcuts. */
final class ConsoleRobot {

    /** Generous: the machine may be busy; the conditions, not the times, are what is tested. */
    static final int WAIT_SECONDS = 120;
    private static final FxRobot ROBOT = new FxRobot();

    private ConsoleRobot() {
    }

    /** The real console on {@code data}, once Live's server listens. */
    static ConsoleApp startConsole(java.nio.file.Path data) throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        ConsoleApp app = (ConsoleApp) org.testfx.api.FxToolkit.setupApplication(
                () -> new ConsoleApp(ConsoleOptions.forTests(data)));
        waitUntil(() -> app.window().workspace() != null && app.window().workspace().live().endpoint().isPresent());
        return app;
    }

    static void stopConsole(ConsoleApp app) throws Exception {
        org.testfx.api.FxToolkit.cleanupApplication(app);
        org.testfx.api.FxToolkit.cleanupStages();
    }

    /** Reads the scene on the FX thread, after the events queued so far. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the console's state", e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the console did not get there", e);
        }
    }

    /** By its shortcut: a tab's title can also be a word elsewhere in the window (a settings category). */
    static void showTab(KeyCode digit) {
        ROBOT.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
    }
}
