package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a run keeps of its measures: every sample for its percentiles, and only a day of accepted recipients. */
class RunMeasuresTest {

    @Test
    void percentilesComeFromEverySampleInNearestRank() {
        Samples s = new Samples();
        for (int i = 1000; i >= 1; i--) {
            s.add(i / 10.0); // 100.0 down to 0.1: more than the first capacity, out of order
        }

        double[] sorted = s.sorted();

        assertThat(s.size()).isEqualTo(1000);
        assertThat(s.toArray()[0]).isEqualTo(100.0);
        assertThat(sorted[0]).isEqualTo(0.1);
        assertThat(Stats.percentile(sorted, 0.50)).isEqualTo(50.0);
        assertThat(Stats.percentile(sorted, 0.95)).isEqualTo(95.0);
        assertThat(Stats.percentile(new double[0], 0.5)).isNull();
    }

    @Test
    void aLongRunKeepsOneDayOfAcceptedRecipients() {
        RecipientWindowLog log = new RecipientWindowLog();
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        // three simulated days, a transaction of 2 recipients a minute
        for (int minute = 0; minute < 3 * 24 * 60; minute++) {
            log.add(start.plus(Duration.ofMinutes(minute)), 2);
        }
        Instant last = start.plus(Duration.ofMinutes(3 * 24 * 60 - 1));

        assertThat(log.size()).isEqualTo(24 * 60);
        assertThat(log.inWindow(last)).isEqualTo(2L * 24 * 60);
        assertThat(log.inWindow(last.plus(Duration.ofHours(12)))).isEqualTo(2L * 12 * 60);
    }
}
