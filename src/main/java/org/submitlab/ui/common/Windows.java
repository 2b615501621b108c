package org.submitlab.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The console's extra windows (a comparison, a replay) are sized and placed to lie wholly on the screen. */
public final class Windows {

    private Windows() {
    }

    /** Up to {@code width} × {@code height}, no larger than the screen, centred on it. */
    public static void fitOnScreen(Stage stage, double width, double height) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    }
}
