package org.submitlab.ui.common;

import java.nio.file.Path;
import javafx.event.Event;
import javafx.event.EventType;

/** "Open this file with its usual application", fired from any panel; the window hands it to the desktop. */
public final class OpenFileRequest extends Event {

    public static final EventType<OpenFileRequest> ANY = new EventType<>(Event.ANY, "OPEN_FILE_REQUEST");

    private final Path file;

    public OpenFileRequest(Path file) {
        super(ANY);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
