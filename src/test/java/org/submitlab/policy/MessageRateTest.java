package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
