package org.submitlab.ui.trace;

import javafx.event.Event;
import javafx.event.EventType;

/** "Trace this message", fired from a message in any table; the window shows the Trace tab with it found. */
public final class TraceRequest extends Event {

    public static final EventType<TraceRequest> ANY = new EventType<>(Event.ANY, "TRACE_REQUEST");

    private final String messageId;

    public TraceRequest(String messageId) {
        super(ANY);
        this.messageId = messageId;
    }

    public String messageId() {
        return messageId;
    }
}
