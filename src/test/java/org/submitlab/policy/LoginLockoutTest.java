package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {

    private static final Instant T = Instant.parse("2025-03-03T09:00:00Z");
    private static final Duration PERIOD = Duration.ofMinutes(10);
    private final LoginLockout lockout = new LoginLockout();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private void fail(String name, Instant at, int threshold) {
        LoginLockout.Attempt a = lockout.begin(name, at, threshold, PERIOD);
        assertThat(a.admitted()).isTrue();
        a.failed(at);
    }

    @Test
    void accountLocksAfterNFailuresAndTheLockExpires() {
        for (int i = 0; i < 3; i++) {
            fail("a@x.test", T, 3);
        }
        assertThat(lockout.begin("a@x.test", T.plusSeconds(599), 3, PERIOD).admitted()).isFalse();
        assertThat(lockout.lockedUntil("a@x.test", T.plusSeconds(599))).contains(T.plus(PERIOD));
        assertThat(lockout.lockedUntil("b@x.test", T)).isEmpty();

        assertThat(lockout.lockedUntil("a@x.test", T.plus(PERIOD))).isEmpty();
        assertThat(lockout.failures("a@x.test", T.plus(PERIOD), PERIOD)).isZero();
        assertThat(lockout.begin("a@x.test", T.plus(PERIOD), 3, PERIOD).admitted()).isTrue();
    }

    @Test
    void aSuccessDoesNotWipeTheFailuresBeforeIt() {
        fail("a@x.test", T, 2);
        lockout.begin("a@x.test", T, 2, PERIOD).succeeded();
        fail("a@x.test", T, 2);
        assertThat(lockout.lockedUntil("a@x.test", T)).contains(T.plus(PERIOD));
    }

    @Test
    void aStreakThatStopsIsForgottenAfterThePeriod() {
        fail("a@x.test", T, 3);
        fail("a@x.test", T, 3);
        assertThat(lockout.failures("a@x.test", T.plus(PERIOD).minusMillis(1), PERIOD)).isEqualTo(2);
        fail("a@x.test", T.plus(PERIOD), 3);
        assertThat(lockout.lockedUntil("a@x.test", T.plus(PERIOD))).isEmpty();
        assertThat(lockout.failures("a@x.test", T.plus(PERIOD), PERIOD)).isEqualTo(1);
    }

    @Test
    void attemptsBeyondTheThresholdWaitForTheOnesBeingCheckedAndAreLockedWhenTheyFail() throws Exception {
        List<LoginLockout.Attempt> checking = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            checking.add(lockout.begin("a@x.test", T, 3, PERIOD));
        }
        CompletableFuture<Boolean> fourth = CompletableFuture.supplyAsync(
                () -> lockout.begin("a@x.test", T, 3, PERIOD).admitted(), pool);
        Thread.sleep(100);
        assertThat(fourth).isNotDone();

        checking.forEach(a -> a.failed(T));

        assertThat(fourth.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(lockout.lockedUntil("a@x.test", T)).contains(T.plus(PERIOD));
    }

    @Test
    void aWaitingAttemptIsLetThroughWhenTheOnesBeforeItSucceed() throws Exception {
        LoginLockout.Attempt first = lockout.begin("a@x.test", T, 1, PERIOD);
        CompletableFuture<LoginLockout.Attempt> second = CompletableFuture.supplyAsync(
                () -> lockout.begin("a@x.test", T, 1, PERIOD), pool);
        Thread.sleep(100);
        assertThat(second).isNotDone();

        first.succeeded();

        assertThat(second.get(5, TimeUnit.SECONDS).admitted()).isTrue();
    }
}
