package org.submitlab.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** A scenario's narration as a banner across the window; it takes no room while there is nothing to say. */
public final class CaptionBanner {

    private final Label label = new Label();

    public CaptionBanner(String id) {
        label.setId(id);
        label.getStyleClass().add("caption-banner");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        show("");
    }

    public Node node() {
        return label;
    }

    /** Shows {@code text}; "" hides the banner. Called every tick, so it changes the label only when needed. */
    public void show(String text) {
        if (!text.equals(label.getText()) || label.isVisible() == text.isEmpty()) {
            label.setText(text);
            label.setVisible(!text.isEmpty());
            label.setManaged(!text.isEmpty());
        }
    }
}
