package org.submitlab.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

/**
 * When a device sends its messages, in simulated time relative to the start of the run.
 * A schedule is pure: {@link #cursor} walks its send times one by one.
 */
public sealed interface Schedule {

    /** Walks the send times of one device from {@code runStart}; {@code random} is the device's own. */
    Cursor cursor(Instant runStart, Random random);

    /** Messages per hour the schedule means to send, on average (bursts: 0, they are one-off). */
    double intendedPerHour();

    /** The send times, oldest first; {@link #next()} returns null when there are no more. */
    interface Cursor {
        Instant next();
    }

    /** Every {@code every}, first at {@code start}; at most {@code count} messages when given. */
    record FixedInterval(Duration every, Duration start, OptionalInt count) implements Schedule {
        public FixedInterval {
            if (every.isZero() || every.isNegative()) {
                throw new IllegalArgumentException("the interval must be positive");
            }
        }

        @Override
        public Cursor cursor(Instant runStart, Random random) {
            return new Cursor() {
                private long n;

                @Override
                public Instant next() {
                    if (count.isPresent() && n >= count.getAsInt()) {
                        return null;
                    }
                    return runStart.plus(start).plus(every.multipliedBy(n++));
                }
            };
        }

        @Override
        public double intendedPerHour() {
            return 3600e9 / every.toNanos();
        }
    }

    /** Random arrivals at {@code perHour} on average (exponential gaps), from {@code start}. */
    record Poisson(double perHour, Duration start, OptionalInt count) implements Schedule {
        public Poisson {
            if (!(perHour > 0)) {
                throw new IllegalArgumentException("the rate must be positive");
            }
        }

        @Override
        public Cursor cursor(Instant runStart, Random random) {
            return new Cursor() {
                private long n;
                private Instant last = runStart.plus(start);

                @Override
                public Instant next() {
                    if (count.isPresent() && n >= count.getAsInt()) {
                        return null;
                    }
                    n++;
                    double gapSeconds = -Math.log(1.0 - random.nextDouble()) * 3600.0 / perHour;
                    last = last.plusNanos((long) (gapSeconds * 1e9));
                    return last;
                }
            };
        }

        @Override
        public double intendedPerHour() {
            return perHour;
        }
    }

    /** {@code count} messages at {@code at}, {@code spacing} apart (zero: all at once). */
    record Burst(int count, Duration at, Duration spacing) implements Schedule {
        public Burst {
            if (count < 1) {
                throw new IllegalArgumentException("a burst has at least 1 message");
            }
        }

        @Override
        public Cursor cursor(Instant runStart, Random random) {
            return new Cursor() {
                private int n;

                @Override
                public Instant next() {
                    return n >= count ? null : runStart.plus(at).plus(spacing.multipliedBy(n++));
                }
            };
        }

        @Override
        public double intendedPerHour() {
            return 0;
        }
    }

    /**
     * Every day at the given clock times (UTC, the lab clock's zone), {@code perTime} messages each,
     * from {@code runStart} on; at most {@code count} messages when given.
     */
    record Daily(List<LocalTime> times, int perTime, OptionalInt count) implements Schedule {
        public Daily {
            if (times.isEmpty()) {
                throw new IllegalArgumentException("a daily schedule needs at least one time");
            }
            if (perTime < 1) {
                throw new IllegalArgumentException("at least 1 message per time");
            }
            times = times.stream().sorted().distinct().toList();
        }

        @Override
        public Cursor cursor(Instant runStart, Random random) {
            return new Cursor() {
                private LocalDate day = runStart.atOffset(ZoneOffset.UTC).toLocalDate();
                private int index = firstIndex();
                private int sentAtTime;
                private long n;

                private int firstIndex() {
                    int i = 0;
                    while (i < times.size() && at(day, i).isBefore(runStart)) {
                        i++;
                    }
                    return i;
                }

                private Instant at(LocalDate d, int i) {
                    return d.atTime(times.get(i)).toInstant(ZoneOffset.UTC);
                }

                @Override
                public Instant next() {
                    if (count.isPresent() && n >= count.getAsInt()) {
                        return null;
                    }
                    if (index >= times.size()) {
                        day = day.plusDays(1);
                        index = 0;
                    }
                    Instant t = at(day, index);
                    n++;
                    if (++sentAtTime >= perTime) {
                        sentAtTime = 0;
                        index++;
                    }
                    return t;
                }
            };
        }

        @Override
        public double intendedPerHour() {
            return times.size() * perTime / 24.0;
        }
    }
}
