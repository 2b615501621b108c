package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.submitlab.policy.ManualClock;

class ScheduleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final Instant start = clock.instant();

    private static List<Instant> take(Schedule.Cursor c, int max) {
        List<Instant> out = new ArrayList<>();
        Instant t;
        while (out.size() < max && (t = c.next()) != null) {
            out.add(t);
        }
        return out;
    }

    @Test
    void fixedIntervalStartsAtItsOffsetAndRepeats() {
        Schedule s = new Schedule.FixedInterval(Duration.ofSeconds(40), Duration.ofSeconds(5), OptionalInt.empty());
        assertThat(take(s.cursor(start, new Random(1)), 3)).containsExactly(start.plusSeconds(5),
                start.plusSeconds(45), start.plusSeconds(85));
        assertThat(s.intendedPerHour()).isEqualTo(90.0);
    }

    @Test
    void fixedIntervalStopsAfterItsCount() {
        Schedule s = new Schedule.FixedInterval(Duration.ofMinutes(30), Duration.ZERO, OptionalInt.of(24));
        assertThat(take(s.cursor(start, new Random(1)), 100)).hasSize(24).last()
                .isEqualTo(start.plus(Duration.ofMinutes(30 * 23)));
    }

    @Test
    void poissonArrivalsAverageTheirRate() {
        Schedule s = new Schedule.Poisson(120, Duration.ZERO, OptionalInt.empty());
        List<Instant> times = take(s.cursor(start, new Random(42)), 20_000);
        double meanGap = Duration.between(start, times.get(times.size() - 1)).toMillis() / 1000.0 / times.size();
        assertThat(meanGap).isCloseTo(30.0, within(1.0));
        assertThat(times).isSorted();
    }

    @Test
    void poissonIsRepeatableWithTheSameSeed() {
        Schedule s = new Schedule.Poisson(60, Duration.ZERO, OptionalInt.of(50));
        assertThat(take(s.cursor(start, new Random(7)), 50)).isEqualTo(take(s.cursor(start, new Random(7)), 50));
    }

    @Test
    void burstSendsItsCountAtOnce() {
        Schedule s = new Schedule.Burst(50, Duration.ofSeconds(30), Duration.ZERO);
        List<Instant> times = take(s.cursor(start, new Random(1)), 100);
        assertThat(times).hasSize(50).containsOnly(start.plusSeconds(30));
    }

    @Test
    void burstWithSpacingSpreadsItsMessages() {
        Schedule s = new Schedule.Burst(3, Duration.ZERO, Duration.ofSeconds(2));
        assertThat(take(s.cursor(start, new Random(1)), 10)).containsExactly(start, start.plusSeconds(2),
                start.plusSeconds(4));
    }

    @Test
    void dailyFiresAtItsClockTimesFromTheStartOn() {
        Schedule s = new Schedule.Daily(List.of(LocalTime.of(12, 30), LocalTime.of(8, 0)), 1, OptionalInt.empty());
        assertThat(take(s.cursor(start, new Random(1)), 3)).containsExactly(
                Instant.parse("2026-03-02T12:30:00Z"), Instant.parse("2026-03-03T08:00:00Z"),
                Instant.parse("2026-03-03T12:30:00Z"));
        assertThat(s.intendedPerHour()).isEqualTo(2 / 24.0);
    }

    @Test
    void dailySendsSeveralMessagesPerTimeAndStopsAfterItsCount() {
        Schedule s = new Schedule.Daily(List.of(LocalTime.of(9, 0)), 2, OptionalInt.of(3));
        assertThat(take(s.cursor(start, new Random(1)), 10)).containsExactly(
                Instant.parse("2026-03-03T09:00:00Z"), Instant.parse("2026-03-03T09:00:00Z"),
                Instant.parse("2026-03-04T09:00:00Z"));
    }

    @Test
    void schedulesFollowTheClockTheyAreStartedOn() {
        clock.advance(Duration.ofHours(3));
        Schedule s = new Schedule.FixedInterval(Duration.ofMinutes(1), Duration.ZERO, OptionalInt.of(1));
        assertThat(s.cursor(clock.instant(), new Random(1)).next()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
    }
}
