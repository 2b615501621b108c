package org.submitlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.submitlab.sim.ScenarioException;

class ScenarioErrorTextTest {

    @Test
    void aScenarioMistakeIsShownWithItsFileLineColumnAndField() {
        ScenarioException e = new ScenarioException("/home/ann/office.json", 12, 7, "devices[0].schedule.at",
                "'soon' is not a duration like 30s, 5m or 2h");

        assertThat(ScenarioErrorText.of(new CompletionException(e))).isEqualTo("""
                File: /home/ann/office.json
                Line 12, column 7
                Field: devices[0].schedule.at

                'soon' is not a duration like 30s, 5m or 2h

                Nothing was loaded: the scenario picked before stays. The format is in docs/scenarios.md.""");
    }

    @Test
    void aMistakeOfTheWholeFileHasNoLineOrField() {
        String text = ScenarioErrorText.of(new ScenarioException("x.json", 0, 0, "", "no such file"));

        assertThat(text).startsWith("File: x.json\n\nno such file").doesNotContain("Line").doesNotContain("Field");
    }
}
