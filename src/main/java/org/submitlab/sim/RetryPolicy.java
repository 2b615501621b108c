package org.submitlab.sim;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * What a device does after a refusal: whether it tries again, and after how long (simulated).
 *
 * @param backoff         how long to wait before the next attempt
 * @param maxAttempts     attempts in all, the first included
 * @param giveUpAfter     no attempt starts later than this after the first one
 * @param retryTemporary  retry 4xx replies and lost connections
 * @param retryPermanent  retry 5xx replies too (well-behaved clients do not)
 */
public record RetryPolicy(Backoff backoff, int maxAttempts, Optional<Duration> giveUpAfter,
        boolean retryTemporary, boolean retryPermanent) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Many printers: one attempt, then the scan is lost. */
    public static RetryPolicy none() {
        return new RetryPolicy(new Backoff.None(), 1, Optional.empty(), false, false);
    }

    public static RetryPolicy fixed(Duration delay, double jitter, int maxAttempts) {
        return new RetryPolicy(new Backoff.Fixed(delay, jitter), maxAttempts, Optional.empty(), true, false);
    }

    /** Attempts of a fixed or exponential policy that does not say. */
    public static final int DEFAULT_ATTEMPTS = 10;
    // Postfix's queue manager (spec section 6): 300 s doubling to 4,000 s, giving up after 5 days.
    public static final Duration POSTFIX_INITIAL = Duration.ofSeconds(300);
    public static final Duration POSTFIX_MAX = Duration.ofSeconds(4000);
    public static final double POSTFIX_FACTOR = 2.0;
    public static final double POSTFIX_JITTER = 0.1;
    public static final int POSTFIX_ATTEMPTS = 1000;
    public static final Duration POSTFIX_GIVE_UP = Duration.ofDays(5);

    /** Postfix: 300 s doubling to 4,000 s, giving up after 5 days. */
    public static RetryPolicy postfix() {
        return new RetryPolicy(new Backoff.Exponential(POSTFIX_INITIAL, POSTFIX_FACTOR, POSTFIX_MAX, POSTFIX_JITTER),
                POSTFIX_ATTEMPTS, Optional.of(POSTFIX_GIVE_UP), true, false);
    }

    public RetryPolicy withGiveUpAfter(Duration d) {
        return new RetryPolicy(backoff, maxAttempts, Optional.of(d), retryTemporary, retryPermanent);
    }

    public RetryPolicy withRetryPermanent(boolean b) {
        return new RetryPolicy(backoff, maxAttempts, giveUpAfter, retryTemporary, b);
    }

    /**
     * The wait before the next attempt, or empty to give up.
     *
     * @param attemptsMade   attempts made so far (1 after the first)
     * @param sinceFirst     simulated time since the first attempt started
     * @param replyCode      the refusing reply's code, 0 when the connection failed without one
     */
    public Optional<Duration> nextDelay(int attemptsMade, Duration sinceFirst, int replyCode, Random random) {
        boolean permanent = replyCode >= 500;
        if (backoff instanceof Backoff.None || attemptsMade >= maxAttempts
                || (permanent && !retryPermanent) || (!permanent && !retryTemporary)) {
            return Optional.empty();
        }
        Duration delay = backoff.delay(attemptsMade, random);
        if (giveUpAfter.isPresent() && sinceFirst.plus(delay).compareTo(giveUpAfter.get()) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /** The waits between attempts. */
    public sealed interface Backoff {

        /** The wait after attempt number {@code attemptsMade} (1-based). */
        Duration delay(int attemptsMade, Random random);

        record None() implements Backoff {
            @Override
            public Duration delay(int attemptsMade, Random random) {
                return Duration.ZERO;
            }
        }

        /** Always {@code delay}, spread by ±{@code jitter} (a fraction, 0 to 1). */
        record Fixed(Duration delay, double jitter) implements Backoff {
            public Fixed {
                checkJitter(jitter);
                if (delay.isNegative()) {
                    throw new IllegalArgumentException("the delay must not be negative");
                }
            }

            @Override
            public Duration delay(int attemptsMade, Random random) {
                return jittered(delay, jitter, random);
            }
        }

        /** {@code initial}, multiplied by {@code factor} after each attempt up to {@code max}, then ±{@code jitter}. */
        record Exponential(Duration initial, double factor, Duration max, double jitter) implements Backoff {
            public Exponential {
                checkJitter(jitter);
                if (initial.isNegative() || initial.isZero()) {
                    throw new IllegalArgumentException("the initial delay must be positive");
                }
                if (factor < 1.0) {
                    throw new IllegalArgumentException("the factor must be at least 1");
                }
                if (max.compareTo(initial) < 0) {
                    throw new IllegalArgumentException("the maximum delay must not be below the initial one");
                }
            }

            @Override
            public Duration delay(int attemptsMade, Random random) {
                double nanos = initial.toNanos() * Math.pow(factor, Math.max(0, attemptsMade - 1));
                Duration d = nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
                return jittered(d, jitter, random);
            }
        }

        private static void checkJitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1");
            }
        }

        private static Duration jittered(Duration d, double jitter, Random random) {
            if (jitter == 0) {
                return d;
            }
            double f = 1.0 + jitter * (2 * random.nextDouble() - 1);
            return Duration.ofNanos((long) (d.toNanos() * f));
        }
    }
}
