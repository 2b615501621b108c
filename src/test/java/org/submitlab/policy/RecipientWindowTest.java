package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecipientWindowTest {

    private static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    private final ManualClock clock = new ManualClock(NINE);
    private final RecipientWindow window = new RecipientWindow();

    @Test
    void windowSlidesAsInTheSpecExample() {
        assertThat(window.tryAdd(clock.instant(), 5_000, 10_000)).isPresent();
        clock.advance(Duration.ofHours(1));
        assertThat(window.tryAdd(clock.instant(), 2_500, 10_000)).isPresent();
        clock.advance(Duration.ofHours(1));
        assertThat(window.tryAdd(clock.instant(), 2_500, 10_000)).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(window.tryAdd(clock.instant(), 1, 10_000)).isEmpty();
        assertThat(window.fitsAgainAt(clock.instant(), 1, 10_000)).contains(NINE.plus(Duration.ofDays(1)));

        clock.set(NINE.plus(Duration.ofDays(1)).minusSeconds(1));
        assertThat(window.used(clock.instant())).isEqualTo(10_000);
        assertThat(window.tryAdd(clock.instant(), 1, 10_000)).isEmpty();

        clock.set(NINE.plus(Duration.ofDays(1)));
        assertThat(window.used(clock.instant())).isEqualTo(5_000);
        assertThat(window.tryAdd(clock.instant(), 5_000, 10_000)).isPresent();
        assertThat(window.tryAdd(clock.instant(), 1, 10_000)).isEmpty();
    }

    @Test
    void seededEntriesCountUntilTheyLeaveTheWindow() {
        window.seed(new WindowEntry(NINE.minus(Duration.ofHours(2)), 15));
        window.seed(new WindowEntry(NINE.minus(Duration.ofHours(23)), 5));

        assertThat(window.used(NINE)).isEqualTo(20);
        assertThat(window.entries(NINE)).extracting(WindowEntry::recipients).containsExactly(5, 15);
        assertThat(window.tryAdd(NINE, 1, 20)).isEmpty();
        assertThat(window.tryAdd(NINE.plus(Duration.ofHours(1)), 5, 20)).isPresent();
    }

    @Test
    void removedEntryGivesItsRecipientsBack() {
        WindowEntry e = window.tryAdd(NINE, 7, 10).orElseThrow();
        window.remove(e);
        assertThat(window.used(NINE)).isZero();
    }

    @Test
    void entriesAddedOutOfOrderLeaveTheWindowInTimeOrder() {
        // Sessions read the clock before they take the window's lock: a slightly older entry comes after newer ones.
        window.seed(new WindowEntry(NINE, 1));
        window.seed(new WindowEntry(NINE.plusSeconds(30), 2));
        window.seed(new WindowEntry(NINE.plusSeconds(20), 3));
        window.seed(new WindowEntry(NINE.plusSeconds(30), 4));
        window.seed(new WindowEntry(NINE.plusSeconds(10), 5));
        window.seed(new WindowEntry(NINE.minusSeconds(5), 6));

        assertThat(window.entries(NINE.plusSeconds(30))).extracting(WindowEntry::recipients)
                .containsExactly(6, 1, 5, 3, 2, 4);
        assertThat(window.used(NINE.plus(Duration.ofHours(24)).plusSeconds(15))).isEqualTo(3 + 2 + 4);
        assertThat(window.used(NINE.plus(Duration.ofHours(24)).plusSeconds(30))).isZero();
    }
}
