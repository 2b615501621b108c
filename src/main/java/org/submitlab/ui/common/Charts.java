package org.submitlab.ui.common;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/** Chart axes that count whole things. */
public final class Charts {

    private Charts() {
    }

    public static NumberAxis countAxis(String label) {
        NumberAxis y = new NumberAxis();
        y.setLabel(label);
        y.setMinorTickVisible(false);
        y.setForceZeroInRange(true);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Formats.count(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace(",", ""));
            }
        });
        return y;
    }
}
