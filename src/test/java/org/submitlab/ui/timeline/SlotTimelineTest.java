package org.submitlab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.submitlab.events.LabEvent;

class SlotTimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");
    private static final String MB = "printer@contoso.test";
    private static final String REFUSED = "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded";

    private final SlotTimeline timeline = new SlotTimeline();
    private final List<LabEvent> events = new ArrayList<>();

    @Test
    void theFourthPrinterRunsWithoutASlotAndIsRefusedAtItsEnd() {
        for (int i = 1; i <= 4; i++) {
            open("s" + i, "mfp-0" + i, i);
        }
        for (int i = 1; i <= 3; i++) {
            events.add(new LabEvent.SlotRequested(at(i), "s" + i, MB, true, i, 3));
        }
        events.add(new LabEvent.SlotRequested(at(4), "s4", MB, false, 3, 3));
        events.add(new LabEvent.SubmissionRefused(at(9), "s4", MB, MB, 1, 300_000, "DATA", REFUSED));
        events.add(new LabEvent.SubmissionAccepted(at(10), "s1", MB, MB, 1, 300_000, "<a@x>", 1, "250 2.0.0 OK"));
        events.add(new LabEvent.SlotReleased(at(10), "s1", MB, 2, 3));
        timeline.apply(events);

        assertThat(timeline.lanes(MB)).containsExactly("mfp-01", "mfp-02", "mfp-03", "mfp-04");
        List<SlotTimeline.Bar> bars = timeline.bars(MB, T0, at(20));
        assertThat(bars).filteredOn(b -> b.lane().equals("mfp-04")).singleElement().satisfies(b -> {
            assertThat(b.outcome()).isEqualTo(SlotTimeline.Outcome.REFUSED_432);
            assertThat(b.slot()).isFalse();
            assertThat(b.start()).isEqualTo(at(4));
            assertThat(b.end()).isEqualTo(at(9));
            assertThat(b.reply()).isEqualTo(REFUSED);
        });
        assertThat(bars).filteredOn(b -> b.lane().equals("mfp-01")).singleElement()
                .satisfies(b -> assertThat(b.outcome()).isEqualTo(SlotTimeline.Outcome.ACCEPTED));
        assertThat(bars).filteredOn(b -> b.end() == null).extracting(SlotTimeline.Bar::lane)
                .containsExactlyInAnyOrder("mfp-02", "mfp-03");
        assertThat(bars).filteredOn(b -> b.end() == null).allSatisfy(b -> assertThat(b.slot()).isTrue());
        assertThat(timeline.steps(MB, T0, at(20))).extracting(SlotTimeline.Step::inUse).containsExactly(1, 2, 3, 2);
        assertThat(timeline.limit(MB)).isEqualTo(3);
        assertThat(timeline.busiest()).contains(MB);
    }

    @Test
    void aDeviceWithParallelConnectionsGetsALanePerConnectionOpenAtOnce() {
        open("a", "alerts", 0);
        open("b", "alerts", 0);
        events.add(new LabEvent.SubmissionAccepted(at(2), "a", MB, MB, 1, 10, "<1@x>", 1, "250 OK"));
        open("c", "alerts", 3);
        timeline.apply(events);

        assertThat(timeline.lanes(MB)).containsExactly("alerts", "alerts #2");
        assertThat(timeline.bars(MB, T0, at(5))).extracting(SlotTimeline.Bar::lane)
                .containsExactlyInAnyOrder("alerts", "alerts", "alerts #2");
    }

    @Test
    void aWindowShowsOnlyTheTransactionsInItAndTheLevelItStartsAt() {
        open("s1", "mfp-01", 0);
        events.add(new LabEvent.SlotRequested(at(0), "s1", MB, true, 1, 3));
        events.add(new LabEvent.SubmissionAccepted(at(5), "s1", MB, MB, 1, 10, "<1@x>", 1, "250 OK"));
        events.add(new LabEvent.SlotReleased(at(5), "s1", MB, 0, 3));
        open("s2", "mfp-02", 100);
        events.add(new LabEvent.SlotRequested(at(100), "s2", MB, true, 1, 3));
        timeline.apply(events);

        assertThat(timeline.bars(MB, at(50), at(200))).extracting(SlotTimeline.Bar::lane).containsExactly("mfp-02");
        assertThat(timeline.steps(MB, at(50), at(200))).extracting(SlotTimeline.Step::inUse).containsExactly(0, 1);
        assertThat(timeline.bars("other@contoso.test", T0, at(200))).isEmpty();
    }

    @Test
    void aDroppedConnectionEndsItsTransactionAndOldTransactionsAreLetGo() {
        open("s1", "mfp-01", 0);
        events.add(new LabEvent.ConnectionClosed(at(3), "s1", "127.0.0.1", MB));
        for (int i = 0; i < SlotTimeline.KEPT_TRANSACTIONS + 10; i++) {
            open("x" + i, "app", 10 + i);
            events.add(new LabEvent.SubmissionAccepted(at(10 + i), "x" + i, MB, MB, 1, 10, "<" + i + "@x>", i, "250 OK"));
        }
        timeline.apply(events);

        List<SlotTimeline.Bar> all = timeline.bars(MB, T0, at(100_000));
        assertThat(all).hasSize(SlotTimeline.KEPT_TRANSACTIONS);
        assertThat(all).noneMatch(b -> b.lane().equals("mfp-01"));
    }

    @Test
    void theDefaultWindowIsAboutTwentyRealSecondsWithinBounds() {
        assertThat(SlotTimeline.defaultWindow(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SlotTimeline.defaultWindow(60)).isEqualTo(Duration.ofMinutes(20));
        assertThat(SlotTimeline.defaultWindow(3600)).isEqualTo(Duration.ofHours(6));
        assertThat(SlotTimelineView.tickMillis(Duration.ofMinutes(20).toMillis(), 1100)).isEqualTo(120_000);
    }

    @Test
    void laneLabelsLeaveOutTheDomainEveryDeviceShares() {
        assertThat(SlotTimelineView.commonDomain(List.of("mfp-01.devices.contoso.test", "mfp-02.devices.contoso.test",
                "mfp-02.devices.contoso.test #2"))).isEqualTo(".devices.contoso.test");
        assertThat(SlotTimelineView.commonDomain(List.of("mfp-01.floor1.contoso.test", "mfp-01.floor2.contoso.test")))
                .isEqualTo(".contoso.test");
        assertThat(SlotTimelineView.commonDomain(List.of("scanner", "mfp-01.contoso.test"))).isEmpty();
        assertThat(SlotTimelineView.commonDomain(List.of("mfp-01.contoso.test"))).isEmpty();
        assertThat(SlotTimelineView.commonDomain(List.of("10.0.0.5", "10.1.0.5"))).isEmpty();
        assertThat(SlotTimelineView.commonDomain(List.of("[10.0.0.5]", "[10.1.0.5]"))).isEmpty();
    }

    private void open(String session, String ehlo, int second) {
        events.add(new LabEvent.ConnectionOpened(at(second), session, "127.0.0.1"));
        events.add(new LabEvent.TranscriptLine(at(second), session, true, "EHLO " + ehlo));
        events.add(new LabEvent.TransactionStarted(at(second), session, MB, MB));
    }

    private static Instant at(int second) {
        return T0.plusSeconds(second);
    }
}
