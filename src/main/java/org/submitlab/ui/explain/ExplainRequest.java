package org.submitlab.ui.explain;

import javafx.event.Event;
import javafx.event.EventType;

/** "Explain this reply", fired by any reply in any table; it bubbles up to the window, which shows the Explain tab. */
public final class ExplainRequest extends Event {

    public static final EventType<ExplainRequest> ANY = new EventType<>(Event.ANY, "EXPLAIN_REQUEST");

    private final String text;

    public ExplainRequest(String text) {
        super(ANY);
        this.text = text;
    }

    public String text() {
        return text;
    }
}
