package org.submitlab.sim;

/** What a device is doing now. */
public enum DeviceState {
    /** Waiting for its next scheduled message. */
    IDLE,
    /** A transaction is on the wire. */
    SENDING,
    /** Refused; a retry is scheduled. */
    WAITING_TO_RETRY,
    /** Its last message was given up (refused and not retried, or out of attempts). */
    GAVE_UP,
    /** Its schedule is over and nothing is left to send. */
    DONE
}
