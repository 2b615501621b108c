package org.submitlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountersTest {

    private static final Instant T0 = Instant.parse("2025-01-26T09:00:00Z");

    @Test
    void rateCounterForgetsEventsOlderThanAMinute() {
        RateCounter c = new RateCounter();
        c.add(T0);
        c.add(T0.plusSeconds(30), 2);
        assertThat(c.lastMinute(T0.plusSeconds(30))).isEqualTo(3);
        assertThat(c.lastMinute(T0.plusSeconds(60))).isEqualTo(2);
        assertThat(c.lastMinute(T0.plusSeconds(200))).isZero();
    }

    @Test
    void minuteSeriesGivesEveryMinuteOldestFirstWithZerosForQuietOnes() {
        MinuteSeries s = new MinuteSeries(60);
        s.add(T0.plusSeconds(10), MinuteSeries.Outcome.ACCEPTED);
        s.add(T0.plusSeconds(130), MinuteSeries.Outcome.CONCURRENCY_432);
        s.add(T0.plusSeconds(140), MinuteSeries.Outcome.OTHER_REFUSAL);

        List<MinuteSeries.Point> points = s.lastMinutes(T0.plusSeconds(150), 3);

        assertThat(points).containsExactly(
                new MinuteSeries.Point(T0, 1, 0, 0),
                new MinuteSeries.Point(T0.plusSeconds(60), 0, 0, 0),
                new MinuteSeries.Point(T0.plusSeconds(120), 0, 1, 1));
    }

    @Test
    void minuteSeriesKeepsOnlyTheNewestMinutes() {
        MinuteSeries s = new MinuteSeries(2);
        for (int m = 0; m < 10; m++) {
            s.add(T0.plusSeconds(60L * m), MinuteSeries.Outcome.ACCEPTED);
        }
        assertThat(s.totals().get(MinuteSeries.Outcome.ACCEPTED)).isEqualTo(2);
    }
}
