package org.submitlab.ui.common;

import javafx.scene.Node;

/**
 * Drawing that waits while its node cannot be seen ({@link Showing}): a view that redraws on every tick asks with
 * {@link #request()}, and {@link #catchUp()} at its later ticks draws a request left while its tab was hidden.
 */
public final class DrawnWhenShown {

    private final Node node;
    private final Runnable draw;
    private boolean stale;

    public DrawnWhenShown(Node node, Runnable draw) {
        this.node = node;
        this.draw = draw;
    }

    /** Draws now if the node can be seen, else at the first {@link #catchUp()} it can. */
    public void request() {
        stale = true;
        catchUp();
    }

    /** Draws a request left while the node could not be seen, once it can. */
    public void catchUp() {
        if (stale && Showing.of(node)) {
            stale = false;
            draw.run();
        }
    }
}
