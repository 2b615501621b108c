package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ErrorThrottleTest {

    private static final Instant T = Instant.parse("2025-03-03T09:00:00Z");
    private static final Duration PERIOD = Duration.ofMinutes(15);
    private final ErrorThrottle throttle = new ErrorThrottle();

    @ParameterizedTest
    @EnumSource(value = RefusalKind.class, names = {"MAILBOX_FULL", "SEND_AS_DENIED", "TOO_MANY_RECIPIENTS"})
    void throttlingStartsAfterNConsecutiveRefusalsAndEndsAfterThePeriod(RefusalKind kind) {
        assertThat(throttle.recordRefusal(kind, T, 3, PERIOD)).isFalse();
        assertThat(throttle.recordRefusal(kind, T, 3, PERIOD)).isFalse();
        assertThat(throttle.throttled(T)).isEmpty();
        assertThat(throttle.recordRefusal(kind, T, 3, PERIOD)).isTrue();

        assertThat(throttle.throttled(T.plus(PERIOD).minusMillis(1))).contains(kind);
        assertThat(throttle.throttledUntil(T)).contains(T.plus(PERIOD));
        assertThat(throttle.throttled(T.plus(PERIOD))).isEmpty();
    }

    @Test
    void acceptedSubmissionOrAnotherKindBreaksTheStreak() {
        throttle.recordRefusal(RefusalKind.SEND_AS_DENIED, T, 3, PERIOD);
        throttle.recordRefusal(RefusalKind.SEND_AS_DENIED, T, 3, PERIOD);
        throttle.recordSuccess();
        assertThat(throttle.recordRefusal(RefusalKind.SEND_AS_DENIED, T, 3, PERIOD)).isFalse();
        throttle.recordRefusal(RefusalKind.SEND_AS_DENIED, T, 3, PERIOD);
        throttle.recordRefusal(RefusalKind.MAILBOX_FULL, T, 3, PERIOD);
        assertThat(throttle.streak()).isEqualTo(1);
        assertThat(throttle.throttled(T)).isEmpty();
    }

    @Test
    void otherRefusalsNeitherCountNorBreakTheStreak() {
        throttle.recordRefusal(RefusalKind.MAILBOX_FULL, T, 2, PERIOD);
        throttle.recordRefusal(RefusalKind.OTHER, T, 2, PERIOD);
        assertThat(throttle.recordRefusal(RefusalKind.MAILBOX_FULL, T, 2, PERIOD)).isTrue();
    }
}
