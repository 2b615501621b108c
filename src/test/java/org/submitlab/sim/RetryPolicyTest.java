package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.submitlab.policy.ManualClock;

class RetryPolicyTest {

    private final Random random = new Random(3);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void noneNeverRetries() {
        assertThat(RetryPolicy.none().nextDelay(1, Duration.ZERO, 432, random)).isEmpty();
    }

    @Test
    void fixedRetriesTemporaryRefusalsUntilItsMaximumAttempts() {
        RetryPolicy p = RetryPolicy.fixed(Duration.ofSeconds(10), 0, 3);
        assertThat(p.nextDelay(1, Duration.ZERO, 432, random)).contains(Duration.ofSeconds(10));
        assertThat(p.nextDelay(2, Duration.ofSeconds(10), 432, random)).contains(Duration.ofSeconds(10));
        assertThat(p.nextDelay(3, Duration.ofSeconds(20), 432, random)).isEmpty();
    }

    @Test
    void fixedJitterSpreadsTheDelayAroundItsValue() {
        RetryPolicy p = RetryPolicy.fixed(Duration.ofSeconds(10), 0.5, 1000);
        List<Duration> delays = new ArrayList<>();
        for (int i = 1; i < 500; i++) {
            delays.add(p.nextDelay(i, Duration.ZERO, 432, random).orElseThrow());
        }
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15)));
        assertThat(delays.stream().distinct().count()).isGreaterThan(100);
    }

    @Test
    void exponentialDoublesFrom300SecondsUpTo4000() {
        RetryPolicy p = new RetryPolicy(new RetryPolicy.Backoff.Exponential(Duration.ofSeconds(300), 2,
                Duration.ofSeconds(4000), 0), 100, Optional.empty(), true, false);
        List<Long> seconds = new ArrayList<>();
        for (int attempt = 1; attempt <= 7; attempt++) {
            seconds.add(p.nextDelay(attempt, Duration.ZERO, 432, random).orElseThrow().getSeconds());
        }
        assertThat(seconds).containsExactly(300L, 600L, 1200L, 2400L, 4000L, 4000L, 4000L);
    }

    @Test
    void exponentialJitterStaysWithinItsFraction() {
        RetryPolicy p = RetryPolicy.postfix();
        for (int i = 0; i < 200; i++) {
            assertThat(p.nextDelay(1, Duration.ZERO, 451, random).orElseThrow())
                    .isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
            assertThat(p.nextDelay(9, Duration.ZERO, 451, random).orElseThrow())
                    .isBetween(Duration.ofSeconds(3600), Duration.ofSeconds(4400));
        }
    }

    @Test
    void postfixGivesUpAfterFiveDaysOfSimulatedTime() {
        RetryPolicy p = RetryPolicy.postfix();
        Instant first = clock.instant();
        int attempts = 1;
        while (true) {
            Optional<Duration> d = p.nextDelay(attempts, Duration.between(first, clock.instant()), 432, random);
            if (d.isEmpty()) {
                break;
            }
            clock.advance(d.get());
            attempts++;
        }
        assertThat(Duration.between(first, clock.instant())).isLessThanOrEqualTo(Duration.ofDays(5))
                .isGreaterThan(Duration.ofDays(4));
        assertThat(attempts).isGreaterThan(100);
    }

    @Test
    void giveUpTimeStopsRetriesThatWouldStartTooLate() {
        RetryPolicy p = RetryPolicy.fixed(Duration.ofMinutes(10), 0, 100).withGiveUpAfter(Duration.ofMinutes(25));
        assertThat(p.nextDelay(2, Duration.ofMinutes(10), 432, random)).isPresent();
        assertThat(p.nextDelay(3, Duration.ofMinutes(20), 432, random)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {554, 550, 535, 552})
    void permanentRefusalsAreNotRetriedByDefault(int code) {
        assertThat(RetryPolicy.fixed(Duration.ofSeconds(10), 0, 5).nextDelay(1, Duration.ZERO, code, random)).isEmpty();
    }

    @Test
    void permanentRefusalsAreRetriedWhenConfigured() {
        RetryPolicy p = RetryPolicy.fixed(Duration.ofHours(1), 0, 5).withRetryPermanent(true);
        assertThat(p.nextDelay(1, Duration.ZERO, 554, random)).contains(Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {432, 421, 451, 0})
    void temporaryRefusalsAndLostConnectionsAreRetried(int code) {
        assertThat(RetryPolicy.fixed(Duration.ofSeconds(10), 0, 5).nextDelay(1, Duration.ZERO, code, random)).isPresent();
    }

    @Test
    void temporaryRetriesCanBeSwitchedOff() {
        RetryPolicy p = new RetryPolicy(new RetryPolicy.Backoff.Fixed(Duration.ofSeconds(1), 0), 5, Optional.empty(),
                false, true);
        assertThat(p.nextDelay(1, Duration.ZERO, 432, random)).isEmpty();
        assertThat(p.nextDelay(1, Duration.ZERO, 554, random)).isPresent();
    }
}
