package org.submitlab.ui.devices;

/**
 * One simulated device as the Devices panel lists it.
 *
 * @param state one of IDLE, SENDING, WAITING_TO_RETRY, GAVE_UP, DONE, or NOT_STARTED before a run
 */
public record DeviceRow(String name, String kind, String mailbox, String state, long attempts, long accepted,
        long refused, long retries, long gaveUp, int pendingRetries, String lastReply) {

    public static final String NOT_STARTED = "NOT_STARTED";

    public static DeviceRow notStarted(String name, String kind, String mailbox) {
        return new DeviceRow(name, kind, mailbox, NOT_STARTED, 0, 0, 0, 0, 0, 0, "");
    }

    /** "waiting to retry" from WAITING_TO_RETRY; "done, 19 lost" when the device gave messages up. */
    public String stateText() {
        String text = state.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return gaveUp > 0 && !state.equals("GAVE_UP") ? text + ", " + gaveUp + " lost" : text;
    }
}
