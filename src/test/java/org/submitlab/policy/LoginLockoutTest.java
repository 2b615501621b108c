package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginLockoutTest {

    private static final Instant T = Instant.parse("2025-03-03T09:00:00Z");
    private static final Duration PERIOD = Duration.ofMinutes(10);
    private final LoginLockout lockout = new LoginLockout();

    @Test
    void accountLocksAfterNFailuresAndTheLockExpires() {
        assertThat(lockout.recordFailure("a@x.test", T, 3, PERIOD)).isFalse();
        assertThat(lockout.recordFailure("a@x.test", T, 3, PERIOD)).isFalse();
        assertThat(lockout.recordFailure("a@x.test", T, 3, PERIOD)).isTrue();
        assertThat(lockout.lockedUntil("a@x.test", T.plusSeconds(599))).contains(T.plus(PERIOD));
        assertThat(lockout.lockedUntil("b@x.test", T)).isEmpty();

        assertThat(lockout.lockedUntil("a@x.test", T.plus(PERIOD))).isEmpty();
        assertThat(lockout.failures("a@x.test", T.plus(PERIOD))).isZero();
    }

    @Test
    void successResetsTheCount() {
        lockout.recordFailure("a@x.test", T, 2, PERIOD);
        lockout.recordSuccess("a@x.test");
        assertThat(lockout.recordFailure("a@x.test", T, 2, PERIOD)).isFalse();
    }
}
