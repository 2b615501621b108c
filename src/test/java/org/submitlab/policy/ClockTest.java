package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void manualClockMovesOnlyWhenTold() {
        ManualClock clock = new ManualClock(START);
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofHours(24));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(1)));
    }

    @Test
    void scaledClockRunsFasterThanRealTime() throws InterruptedException {
        ScaledClock clock = new ScaledClock(START, 3600);
        Thread.sleep(20);
        // 20 ms of real time at 3600x is at least 72 s of simulated time
        assertThat(clock.instant()).isAfterOrEqualTo(START.plusSeconds(72));
    }

    @Test
    void realDelayDividesBySpeed() {
        ScaledClock clock = new ScaledClock(START, 60);
        assertThat(clock.realDelay(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(clock.realDelay(Duration.ofSeconds(-1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void changingSpeedKeepsTimeAlreadyPassed() throws InterruptedException {
        ScaledClock clock = new ScaledClock(START, 3600);
        Thread.sleep(10);
        Instant before = clock.instant();
        clock.setSpeed(1);
        assertThat(clock.instant()).isAfterOrEqualTo(before);
        assertThat(clock.speed()).isEqualTo(1.0);
    }

    @Test
    void speedOutsideOneTo3600IsRefused() {
        assertThatThrownBy(() -> new ScaledClock(START, 0.5)).hasMessageContaining("between 1 and 3600");
        assertThatThrownBy(() -> new ScaledClock(START, 3601)).hasMessageContaining("between 1 and 3600");
    }
    @Test
    void pausedClockStandsStillUntilResumed() throws InterruptedException {
        ScaledClock clock = new ScaledClock(START, 3600);
        clock.pause();
        Instant paused = clock.instant();
        Thread.sleep(20);
        assertThat(clock.instant()).isEqualTo(paused);
        assertThat(clock.isRunning()).isFalse();

        clock.resume();
        Thread.sleep(20);
        assertThat(clock.instant()).isAfterOrEqualTo(paused.plusSeconds(72));
    }

    @Test
    void stoppedClockKeepsTheMomentItStoppedAndCannotBeResumed() throws InterruptedException {
        ScaledClock clock = new ScaledClock(START, 3600);
        Thread.sleep(5);
        clock.stop();
        Instant end = clock.instant();
        clock.resume();
        clock.setSpeed(60);
        Thread.sleep(20);

        assertThat(clock.instant()).isEqualTo(end);
        assertThat(clock.isStopped()).isTrue();
        assertThat(clock.realDelay(Duration.ofSeconds(1))).isGreaterThan(Duration.ofDays(1));
    }
}
