package org.submitlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({"0,due", "-5,due", "45,45 s", "125,2 m 05 s", "12000,3 h 20 m", "180000,2 d 2 h"})
    void countdownReadsLikeAPersonWouldSayIt(long seconds, String expected) {
        assertThat(Formats.countdown(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertThat(Formats.count(5000)).isEqualTo("5,000");
        assertThat(Formats.plural(1, "recipient", "recipients")).isEqualTo("1 recipient");
        assertThat(Formats.plural(10_000, "recipient", "recipients")).isEqualTo("10,000 recipients");
    }

    @Test
    void clockShowsHoursAndMinutesInTheGivenZone() {
        assertThat(Formats.clock(Instant.parse("2025-01-26T09:00:30Z"), ZoneOffset.UTC)).isEqualTo("09:00");
        assertThat(Formats.clock(Instant.parse("2025-01-26T09:00:30Z"), ZoneOffset.ofHours(2))).isEqualTo("11:00");
        assertThat(Formats.shortDateTime(Instant.parse("2025-01-26T09:00:30Z"), ZoneOffset.UTC)).isEqualTo("Jan 26 09:00:30");
    }

    @Test
    void bytesUseBinaryUnits() {
        assertThat(Formats.bytes(512)).isEqualTo("512 B");
        assertThat(Formats.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(Formats.bytes(35L * 1024 * 1024)).isEqualTo("35.0 MB");
    }
}
