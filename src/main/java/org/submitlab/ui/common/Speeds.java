package org.submitlab.ui.common;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** The clock speeds a run or a replay may play at, and how the console writes them ("3,600×"). */
public final class Speeds {

    public static final List<Double> CHOICES = List.of(1.0, 2.0, 5.0, 10.0, 60.0, 300.0, 600.0, 3600.0);

    private Speeds() {
    }

    public static String text(double speed) {
        return String.format(Locale.US, "%,.0f\u00d7", speed);
    }

    /** Fills {@code box} with the choices, written as speeds. */
    public static void offer(ComboBox<Double> box) {
        box.getItems().setAll(CHOICES);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : text(d);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("\u00d7", "").replace(",", ""));
            }
        });
    }
}
