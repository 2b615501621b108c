package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "2m,PT2M", "24h,PT24H", "1h30m,PT1H30M", "5d,PT120H", "1.5h,PT1H30M"})
    void parsesSpokenDurations(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2x", "m", "10", "1h 2", "-5s"})
    void refusesOtherText(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"PT2M,2m", "PT1H30M,1h30m", "PT26H,1d2h", "PT0.25S,250ms"})
    void formatsShortly(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"PT0S,0s", "PT1H30M,1h30m", "PT2.5S,2s500ms", "PT0.000000001S,0.000001ms", "PT26H0.25S,1d2h250ms",
            "PT0.123456789S,123.456789ms"})
    void formatsExactly(String iso, String text) {
        assertThat(Durations.formatExact(Duration.parse(iso))).isEqualTo(text);
    }

    @Test
    void exactFormReadsBackToTheNanosecond() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Duration d = Duration.ofSeconds(random.nextInt(100 * 86400), random.nextInt(1_000_000_000));
            assertThat(Durations.parse(Durations.formatExact(d))).as("%s", d).isEqualTo(d);
        }
        for (Duration d : List.of(Durations.parse("3650d0.000001ms"), Duration.ofDays(3650).plusMillis(1))) {
            assertThat(Durations.parse(Durations.formatExact(d))).as("%s", d).isEqualTo(d);
        }
    }
}
