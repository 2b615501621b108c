package org.submitlab.ui.sessionlog;

/** How an SMTP session went, for the log's filter. */
public enum SessionOutcome {
    IN_PROGRESS("In progress"),
    ACCEPTED("Accepted"),
    REFUSED("Refused"),
    AUTH_FAILED("Login failed"),
    NOTHING_SENT("Nothing sent");

    private final String label;

    SessionOutcome(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
