package org.submitlab.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.submitlab.events.LabEvent;

/** Transactions in flight from a run's events: MAIL FROM to the end-of-DATA reply, reset or disconnect. */
class InFlightTimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    private static Instant at(int s) {
        return T0.plusSeconds(s);
    }

    private static LabEvent start(int s, String session, String mailbox) {
        return new LabEvent.TransactionStarted(at(s), session, mailbox, mailbox);
    }

    @Test
    void stepsFollowStartsAndEndsPerMailboxAndMark432s() {
        List<LabEvent> events = List.of(
                start(1, "s1", "a@x.test"),
                new LabEvent.SlotRequested(at(1), "s1", "a@x.test", true, 1, 3),
                start(2, "s2", "a@x.test"),
                start(3, "s3", "b@x.test"),
                new LabEvent.SubmissionRefused(at(4), "s3", "b@x.test", "b@x.test", 1, 0, "RCPT", "550 5.1.1 no"),
                new LabEvent.SubmissionAccepted(at(5), "s1", "a@x.test", "a@x.test", 1, 10, "<1@x>", 1, "250 OK"),
                new LabEvent.SubmissionRefused(at(6), "s2", "a@x.test", "a@x.test", 1, 10, "DATA", "432 4.3.2 limit"),
                new LabEvent.ConnectionClosed(at(7), "s3", "127.0.0.1", "b@x.test"),
                new LabEvent.ConnectionClosed(at(8), "s1", "127.0.0.1", "a@x.test"));

        InFlightTimeline t = InFlightTimeline.of(events, T0, at(10));

        assertThat(t.points()).containsExactly(new InFlightTimeline.Point(0, 0, 0), new InFlightTimeline.Point(1, 1, 1),
                new InFlightTimeline.Point(2, 2, 2), new InFlightTimeline.Point(3, 3, 2),
                new InFlightTimeline.Point(5, 2, 1), new InFlightTimeline.Point(6, 1, 1),
                new InFlightTimeline.Point(7, 0, 0));
        assertThat(t.peak()).isEqualTo(3);
        assertThat(t.peakMailbox()).isEqualTo(2);
        assertThat(t.limit()).isEqualTo(3);
        assertThat(t.refusals()).containsExactly(6.0);
        assertThat(t.seconds()).isEqualTo(10.0);
    }

    @Test
    void aLongRunIsThinnedButKeepsItsPeak() {
        List<LabEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add(start(i, "s" + i, "a@x.test"));
            if (i == 5000) {
                for (int k = 0; k < 9; k++) {
                    events.add(start(i, "peak" + k, "a@x.test"));
                }
                for (int k = 0; k < 9; k++) {
                    events.add(new LabEvent.ConnectionClosed(at(i), "peak" + k, "127.0.0.1", "a@x.test"));
                }
            }
            events.add(new LabEvent.ConnectionClosed(at(i), "s" + i, "127.0.0.1", "a@x.test"));
        }

        InFlightTimeline t = InFlightTimeline.of(events, T0, at(10_000));

        assertThat(t.points()).hasSizeLessThanOrEqualTo(InFlightTimeline.MAX_POINTS);
        assertThat(t.points()).extracting(InFlightTimeline.Point::inFlight).contains(10);
        assertThat(t.peak()).isEqualTo(10);
    }
}
