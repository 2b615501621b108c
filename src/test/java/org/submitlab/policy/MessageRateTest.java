package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MessageRateTest {

    private static final Instant T = Instant.parse("2025-03-03T09:15:20Z");
    private final MessageRate rate = new MessageRate();

    @Test
    void delayModeCarriesMessagesOverToTheNextFreeMinutes() {
        for (int i = 0; i < 3; i++) {
            assertThat(rate.schedule(T, 3)).isEqualTo(T);
        }
        assertThat(rate.schedule(T, 3)).isEqualTo(Instant.parse("2025-03-03T09:16:00Z"));
        assertThat(rate.schedule(T.plusSeconds(5), 3)).isEqualTo(Instant.parse("2025-03-03T09:16:00Z"));
        assertThat(rate.schedule(T.plusSeconds(6), 3)).isEqualTo(Instant.parse("2025-03-03T09:16:00Z"));
        assertThat(rate.schedule(T.plusSeconds(7), 3)).isEqualTo(Instant.parse("2025-03-03T09:17:00Z"));
        assertThat(rate.carriedOver(T)).isEqualTo(4);
    }

    @Test
    void carriedOverMessagesTakeTheLaterMinutesSlots() {
        for (int i = 0; i < 5; i++) {
            rate.schedule(T, 3);
        }
        Instant nextMinute = Instant.parse("2025-03-03T09:16:10Z");
        assertThat(rate.schedule(nextMinute, 3)).isEqualTo(nextMinute);
        assertThat(rate.schedule(nextMinute, 3)).isEqualTo(Instant.parse("2025-03-03T09:17:00Z"));
    }

    @Test
    void rejectModeRefusesOverTheRateUntilTheNextMinute() {
        assertThat(rate.tryAcquire(T, 2)).isTrue();
        assertThat(rate.tryAcquire(T, 2)).isTrue();
        assertThat(rate.tryAcquire(T.plusSeconds(30), 2)).isFalse();
        assertThat(rate.tryAcquire(T.plusSeconds(40), 2)).isTrue();
    }

    @Test
    void releasedSlotIsFreeAgain() {
        Instant at = rate.schedule(T, 1);
        rate.release(at);
        assertThat(rate.schedule(T, 1)).isEqualTo(T);
    }

    @Test
    void aLongBacklogKeepsFillingTheNextMinutesInOrder() {
        for (int i = 0; i < 3_000; i++) {
            Instant at = rate.schedule(T, 30);
            assertThat(at).isEqualTo(i < 30 ? T : Instant.parse("2025-03-03T09:15:00Z").plusSeconds(60L * (i / 30)));
        }
        assertThat(rate.carriedOver(T)).isEqualTo(3_000 - 30);
    }

    @Test
    void aSlotReleasedInsideTheBacklogIsTakenFirst() {
        List<Instant> taken = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            taken.add(rate.schedule(T, 2));
        }
        rate.release(taken.get(4)); // 09:17
        assertThat(rate.schedule(T, 2)).isEqualTo(Instant.parse("2025-03-03T09:17:00Z"));
        assertThat(rate.schedule(T, 2)).isEqualTo(Instant.parse("2025-03-03T09:20:00Z"));
    }

    @Test
    void aHigherLimitOpensTheFullMinutesAgain() {
        for (int i = 0; i < 6; i++) {
            rate.schedule(T, 2);
        }
        assertThat(rate.schedule(T, 3)).isEqualTo(T);
        assertThat(rate.schedule(T, 3)).isEqualTo(Instant.parse("2025-03-03T09:16:00Z"));
        assertThat(rate.schedule(T, 2)).isEqualTo(Instant.parse("2025-03-03T09:18:00Z"));
    }

    @Test
    void schedulingMatchesAMinuteByMinuteSearch() {
        Random random = new Random(7);
        Reference reference = new Reference();
        List<Instant> scheduled = new ArrayList<>();
        Instant now = T;
        for (int step = 0; step < 5_000; step++) {
            int op = random.nextInt(100);
            if (op < 8) {
                now = now.plusSeconds(random.nextInt(90));
            } else if (op < 9) {
                now = now.minusSeconds(random.nextInt(120)); // a clock set back
            } else if (op < 14 && !scheduled.isEmpty()) {
                Instant at = scheduled.remove(random.nextInt(scheduled.size()));
                rate.release(at);
                reference.release(at);
            } else if (op < 18) {
                int limit = 1 + random.nextInt(4);
                assertThat(rate.tryAcquire(now, limit)).isEqualTo(reference.tryAcquire(now, limit));
            } else {
                int limit = 2 + random.nextInt(op < 22 ? 4 : 1);
                Instant at = rate.schedule(now, limit);
                assertThat(at).as("step %d", step).isEqualTo(reference.schedule(now, limit));
                scheduled.add(at);
            }
            assertThat(rate.carriedOver(now)).isEqualTo(reference.carriedOver(now));
            assertThat(rate.inMinute(now)).isEqualTo(reference.inMinute(now));
        }
    }

    /** The plain minute-by-minute search the class used to do. */
    private static final class Reference {
        private final TreeMap<Long, Integer> perMinute = new TreeMap<>();

        Instant schedule(Instant now, int limit) {
            long current = Math.floorDiv(now.getEpochSecond(), 60);
            perMinute.headMap(current, false).clear();
            long minute = current;
            while (perMinute.getOrDefault(minute, 0) >= limit) {
                minute++;
            }
            perMinute.merge(minute, 1, Integer::sum);
            return minute == current ? now : Instant.ofEpochSecond(minute * 60);
        }

        boolean tryAcquire(Instant now, int limit) {
            long current = Math.floorDiv(now.getEpochSecond(), 60);
            perMinute.headMap(current, false).clear();
            if (perMinute.getOrDefault(current, 0) >= limit) {
                return false;
            }
            perMinute.merge(current, 1, Integer::sum);
            return true;
        }

        void release(Instant at) {
            perMinute.computeIfPresent(Math.floorDiv(at.getEpochSecond(), 60), (m, n) -> n <= 1 ? null : n - 1);
        }

        int carriedOver(Instant now) {
            return perMinute.tailMap(Math.floorDiv(now.getEpochSecond(), 60), false).values().stream()
                    .mapToInt(Integer::intValue).sum();
        }

        int inMinute(Instant now) {
            return perMinute.getOrDefault(Math.floorDiv(now.getEpochSecond(), 60), 0);
        }
    }
}
