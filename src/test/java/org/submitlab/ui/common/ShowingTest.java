package org.submitlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A node can be seen only in a showing window, with every parent visible: the content of an unselected tab cannot. */
class ShowingTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theContentOfTheSelectedTabOfAShowingWindowOnlyCanBeSeen() throws Exception {
        Label first = new Label("first");
        Label second = new Label("second");
        StackPane inSecond = new StackPane(second);
        TabPane tabs = fx(() -> new TabPane(new Tab("one", first), new Tab("two", inSecond)));
        Stage stage = fx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(tabs, 300, 200));
            return s;
        });
        assertThat(fx(() -> Showing.of(first))).as("not shown yet").isFalse();

        fx(() -> {
            stage.show();
            tabs.applyCss();
            tabs.layout();
            return null;
        });
        assertThat(fx(() -> Showing.of(first))).isTrue();
        assertThat(fx(() -> Showing.of(second))).as("in the tab not selected").isFalse();

        fx(() -> {
            tabs.getSelectionModel().select(1);
            tabs.layout();
            return null;
        });
        assertThat(fx(() -> Showing.of(second))).isTrue();
        assertThat(fx(() -> Showing.of(first))).isFalse();

        fx(() -> {
            stage.hide();
            return null;
        });
        assertThat(fx(() -> Showing.of(second))).as("the window closed").isFalse();
        assertThat(Showing.of(new Label("in no scene"))).isFalse();
    }
}
