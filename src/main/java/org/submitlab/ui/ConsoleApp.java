package org.submitlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The SubmitLab console window. */
public final class ConsoleApp extends Application {

    public static void launchConsole(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("SubmitLab");
        stage.setScene(new Scene(new Label("SubmitLab"), 640, 400));
        stage.show();
    }
}
