package org.submitlab.app;

import java.util.Locale;

/** Where a run is in its life; {@link #id()} is how run.json and {@code runs list --json} spell it. */
public enum RunState {
    RUNNING, PAUSED, FINISHED, STOPPED, FAILED,
    /** It was running when its process ended without finishing it (a crash, a kill). */
    INTERRUPTED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean active() {
        return this == RUNNING || this == PAUSED;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static RunState byId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
