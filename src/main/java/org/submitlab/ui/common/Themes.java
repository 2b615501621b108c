package org.submitlab.ui.common;

import java.util.Objects;
import javafx.scene.Scene;

/**
 * Light, dark and high-contrast themes and the large-font presentation mode, as scene stylesheets over Modena
 * (docs/decisions/0403-themes-stay-on-modena.md says why not AtlantaFX).
 */
public final class Themes {

    public enum Theme {
        LIGHT("Light"), DARK("Dark"), HIGH_CONTRAST("High contrast");

        private final String label;

        Theme(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final String BASE = css("console.css");
    private static final String LIGHT = css("light.css");
    private static final String DARK = css("dark.css");
    private static final String HIGH_CONTRAST = css("high-contrast.css");
    private static final String PRESENTATION = css("presentation.css");

    private Themes() {
    }

    public static void apply(Scene scene, Theme theme, boolean presentation) {
        scene.getStylesheets().setAll(BASE, theme == Theme.DARK ? DARK : theme == Theme.HIGH_CONTRAST ? HIGH_CONTRAST : LIGHT);
        if (presentation) {
            scene.getStylesheets().add(PRESENTATION);
        }
    }

    private static String css(String name) {
        return Objects.requireNonNull(Themes.class.getResource("/org/submitlab/ui/" + name), name).toExternalForm();
    }
}
