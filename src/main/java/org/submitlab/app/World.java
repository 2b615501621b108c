package org.submitlab.app;

import org.submitlab.policy.LabClock;
import org.submitlab.store.Store;

/**
 * One world the console can show: Live (the tenant real devices use) or a run (one play of a
 * scenario in its own sandbox). Every panel reads the selected world through this; nothing of one
 * world reaches another.
 */
public interface World {

    /** {@value LiveWorld#ID} or the run's id. */
    String id();

    /** "Live" or the scenario's name. */
    String name();

    boolean isLive();

    /** Live: real time. A run: its own simulated time, stopped when the run ended. */
    LabClock clock();

    /** The world's recorded events, then its new ones as they happen; the caller closes it. */
    JournalFollower follow();

    /** Counts, windows, devices and retries now; may block briefly (call off the FX thread). */
    WorldStatus status();

    /** The world's own store: Sent Items, submission log, mailboxes. */
    Store store();
}
