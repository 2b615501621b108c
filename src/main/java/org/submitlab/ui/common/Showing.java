package org.submitlab.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Whether a node can be seen now: in a showing window, and neither it nor any parent hidden (a tab that is not
 * selected hides its content). Views that draw on every tick skip drawing while they cannot be seen, and draw at
 * the first tick they can.
 */
public final class Showing {

    private Showing() {
    }

    public static boolean of(Node node) {
        Scene scene = node.getScene();
        if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
