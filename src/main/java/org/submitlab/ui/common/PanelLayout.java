package org.submitlab.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/** The layout the panels share: a line of help or filters on top, the content below it. */
public final class PanelLayout {

    private PanelLayout() {
    }

    /** A wrapped line explaining what a panel shows. */
    public static Label help(String text) {
        Label help = new Label(text);
        help.getStyleClass().add("panel-help");
        help.setWrapText(true);
        return help;
    }

    /** {@code upper} above {@code lower}, the divider at {@code position} (0 to 1) of the height. */
    public static SplitPane stacked(Node upper, Node lower, double position) {
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(position);
        return split;
    }

    /** Fills a panel's root with {@code top} and {@code center} and the panels' padding. */
    public static void fill(BorderPane root, Node top, Node center) {
        root.setTop(top);
        root.setCenter(center);
        root.setPadding(new Insets(8));
    }
}
