package org.submitlab.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/** Chart helpers: axes that count whole things, and refreshing points without leaking. */
public final class Charts {

    private Charts() {
    }

    /**
     * Shows {@code values} at {@code categories} (in that order) on a category axis without ever
     * replacing a point: each series keeps one {@link XYChart.Data} per category for good and only its
     * value changes; the axis order changes when the categories roll over. Why: each new Data binds
     * its node's accessible text to the chart's axes through lazy bindings that stay subscribed for as
     * long as the chart lives, so a chart that made new points at every refresh (several a second at
     * 3,600×) kept about 100,000 of them a minute (JavaFX 21).
     */
    public static void show(CategoryAxis axis, XYChart.Series<String, Number> series, List<String> categories,
            List<? extends Number> values) {
        Map<String, XYChart.Data<String, Number>> byCategory = new HashMap<>();
        for (XYChart.Data<String, Number> d : series.getData()) {
            byCategory.put(d.getXValue(), d);
        }
        List<XYChart.Data<String, Number>> added = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            Number v = i < values.size() ? values.get(i) : 0;
            XYChart.Data<String, Number> d = byCategory.remove(categories.get(i));
            if (d == null) {
                added.add(new XYChart.Data<>(categories.get(i), v));
            } else if (d.getYValue().doubleValue() != v.doubleValue()) {
                d.setYValue(v);
            }
        }
        for (XYChart.Data<String, Number> stale : byCategory.values()) {
            if (stale.getYValue().doubleValue() != 0) {
                stale.setYValue(0);
            }
        }
        if (!axis.getCategories().equals(categories)) {
            axis.getCategories().setAll(categories);
        }
        series.getData().addAll(added);
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
