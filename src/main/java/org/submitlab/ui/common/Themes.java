package org.submitlab.ui.common;

import java.util.Objects;
import javafx.scene.Scene;

/** Light and dark themes and the large-font presentation mode, as scene stylesheets. */
public final class Themes {

    public enum Theme { LIGHT, DARK }

    private static final String BASE = css("console.css");
    private static final String LIGHT = css("light.css");
    private static final String DARK = css("dark.css");
    private static final String PRESENTATION = css("presentation.css");

    private Themes() {
    }

    public static void apply(Scene scene, Theme theme, boolean presentation) {
        scene.getStylesheets().setAll(BASE, theme == Theme.DARK ? DARK : LIGHT);
        if (presentation) {
            scene.getStylesheets().add(PRESENTATION);
        }
    }

    private static String css(String name) {
        return Objects.requireNonNull(Themes.class.getResource("/org/submitlab/ui/" + name), name).toExternalForm();
    }
}
