package org.submitlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.events.EventBus;
import org.submitlab.events.EventSource;
import org.submitlab.events.LabEvent;

/** A world's event history on disk: recorded in order, followed without gaps, bounded, readable after a crash. */
@Timeout(60)
class EventJournalTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path world;

    private static LabEvent opened(int n) {
        return new LabEvent.ConnectionOpened(T0.plusSeconds(n), "s" + n, "127.0.0.1");
    }

    private static LabEvent line(int n, String text) {
        return new LabEvent.TranscriptLine(T0.plusSeconds(n), "s" + n, true, text);
    }

    /** Drains until {@code n} events arrived (or fails after a while). */
    private static List<LabEvent> take(EventSource source, int n) throws InterruptedException {
        List<LabEvent> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (got.size() < n && System.nanoTime() < deadline) {
            if (source.drainTo(got, 10_000) == 0) {
                Thread.sleep(5);
            }
        }
        return got;
    }

    private static List<Integer> numbers(List<LabEvent> events) {
        return events.stream().map(e -> Integer.parseInt(e.sessionId().substring(1))).toList();
    }

    @Test
    void aFollowerGetsTheHistoryAndThenTheLiveEventsWithoutGapsOrDuplicates() throws Exception {
        EventBus bus = new EventBus();
        try (EventJournal journal = EventJournal.record(world, bus, EventJournal.Retention.run())) {
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    bus.publish(opened(i));
                }
            });
            publisher.start();
            while (journal.written() < 5_000) {
                Thread.sleep(1);
            }
            try (JournalFollower f = journal.follow(Instant.EPOCH, 100_000)) {
                publisher.join();
                List<LabEvent> got = take(f, 20_000);

                assertThat(numbers(got)).hasSize(20_000).isSorted().doesNotHaveDuplicates();
                assertThat(f.dropped()).isZero();
            }
        }
    }

    @Test
    void everyEventTypeIsReadBackAsItWasRecorded() throws Exception {
        List<LabEvent> all = List.of(opened(1),
                new LabEvent.TlsStarted(T0, "s1", "TLSv1.3", "TLS_AES_128_GCM_SHA256"),
                new LabEvent.AuthAttempted(T0, "s1", "printer@contoso.test", "LOGIN", false, "535 5.7.3 x"),
                new LabEvent.TransactionStarted(T0, "s1", "printer@contoso.test", "printer@contoso.test"),
                new LabEvent.SlotRequested(T0, "s1", "printer@contoso.test", true, 2, 3),
                new LabEvent.SlotReleased(T0, "s1", "printer@contoso.test", 1, 3),
                new LabEvent.SubmissionAccepted(T0, "s1", "printer@contoso.test", "printer@contoso.test", 2, 1234,
                        "<m@x>", 7, "250 2.0.0 OK <m@x>"),
                new LabEvent.SubmissionRefused(T0, "s1", null, null, 0, 0, "MAIL", "530 5.7.57 x"),
                new LabEvent.DeliveryScheduled(T0, "s1", "printer@contoso.test", "<m@x>", T0.plusSeconds(60)),
                line(1, "EHLO printer"),
                new LabEvent.ConnectionClosed(T0, "s1", "127.0.0.1", null));
        EventBus bus = new EventBus();
        try (EventJournal journal = EventJournal.record(world, bus, EventJournal.Retention.run())) {
            all.forEach(bus::publish);
            while (journal.written() < all.size()) {
                Thread.sleep(1);
            }
        }
        try (JournalFollower history = EventJournal.history(world, Instant.EPOCH)) {
            assertThat(take(history, all.size())).isEqualTo(all);
        }
    }

    @Test
    void transcriptLinesStopAtTheRunsBudgetButOtherEventsAreAlwaysKept() throws Exception {
        EventBus bus = new EventBus();
        try (EventJournal journal = EventJournal.record(world, bus, new EventJournal.Retention(1 << 20, 100, 2_000))) {
            for (int i = 0; i < 100; i++) {
                bus.publish(line(i, "RCPT TO:<user" + i + "@contoso.test>"));
                bus.publish(opened(i));
            }
            while (journal.written() + journal.skippedTranscripts() < 200) {
                Thread.sleep(1);
            }
            assertThat(journal.skippedTranscripts()).isPositive();
        }
        try (JournalFollower history = EventJournal.history(world, Instant.EPOCH)) {
            List<LabEvent> got = take(history, 200);
            assertThat(got.stream().filter(e -> e instanceof LabEvent.ConnectionOpened)).hasSize(100);
            assertThat(got.stream().filter(e -> e instanceof LabEvent.TranscriptLine).count()).isBetween(1L, 99L);
        }
    }

    @Test
    void liveKeepsItsNewestSegmentsOnly() throws Exception {
        EventBus bus = new EventBus();
        try (EventJournal journal = EventJournal.record(world, bus, new EventJournal.Retention(4_000, 2, Long.MAX_VALUE))) {
            for (int i = 0; i < 2_000; i++) {
                bus.publish(opened(i));
                if (i % 100 == 99) {
                    while (journal.written() < i + 1) {
                        Thread.sleep(1);
                    }
                }
            }
            while (journal.written() < 2_000) {
                Thread.sleep(1);
            }
            assertThat(EventJournal.segments(world.resolve(EventJournal.FOLDER))).hasSizeLessThanOrEqualTo(2);
            try (JournalFollower f = journal.follow(Instant.EPOCH, 10)) {
                List<Integer> kept = numbers(take(f, 2_000));
                assertThat(kept).isNotEmpty().hasSizeLessThan(2_000).isSorted().endsWith(1_999);
            }
        }
    }

    @Test
    void eventsBeforeTheStartingPointAreSkipped() throws Exception {
        EventBus bus = new EventBus();
        try (EventJournal journal = EventJournal.record(world, bus, EventJournal.Retention.live())) {
            for (int i = 0; i < 10; i++) {
                bus.publish(opened(i));
            }
            while (journal.written() < 10) {
                Thread.sleep(1);
            }
            try (JournalFollower f = journal.follow(T0.plusSeconds(7), 100)) {
                assertThat(numbers(take(f, 3))).containsExactly(7, 8, 9);
            }
        }
    }

    @Test
    void aSegmentCutShortByACrashIsReadUpToWhereItStops() throws Exception {
        Path folder = Files.createDirectories(world.resolve(EventJournal.FOLDER));
        // What a killed process leaves: the bytes flushed so far, a line cut in two, no gzip trailer.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GZIPOutputStream out = new GZIPOutputStream(bytes, true);
        for (int i = 0; i < 3; i++) {
            out.write(JournalCodec.encode(opened(i)));
            out.write('\n');
        }
        out.write("{\"type\":\"ConnectionOpened\",\"ti".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Files.write(folder.resolve("events-000001.jsonl.gz"), bytes.toByteArray());
        try (JournalFollower history = EventJournal.history(world, Instant.EPOCH)) {
            List<LabEvent> got = take(history, 3);
            assertThat(numbers(got)).containsExactly(0, 1, 2);
            Thread.sleep(100);
            assertThat(history.replaying()).isFalse();
        }
    }

    @Test
    void aNewJournalInTheSameWorldContinuesAfterTheOldSegments() throws Exception {
        EventBus bus = new EventBus();
        try (EventJournal first = EventJournal.record(world, bus, EventJournal.Retention.live())) {
            bus.publish(opened(1));
            while (first.written() < 1) {
                Thread.sleep(1);
            }
        }
        EventBus again = new EventBus();
        try (EventJournal second = EventJournal.record(world, again, EventJournal.Retention.live())) {
            again.publish(opened(2));
            while (second.written() < 1) {
                Thread.sleep(1);
            }
            try (JournalFollower f = second.follow(Instant.EPOCH, 10)) {
                assertThat(numbers(take(f, 2))).containsExactly(1, 2);
            }
        }
    }
}
