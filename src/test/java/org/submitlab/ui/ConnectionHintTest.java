package org.submitlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.submitlab.policy.Profile;

class ConnectionHintTest {

    @Test
    void saysWhatToTypeIntoADevice() {
        assertThat(ConnectionHint.text("127.0.0.1", 2525, Profile.EXCHANGE_ONLINE, "printer@contoso.test"))
                .isEqualTo("127.0.0.1:2525, STARTTLS, AUTH LOGIN, user printer@contoso.test");
    }

    @Test
    void withBasicAuthOffItPointsToOAuth() {
        assertThat(ConnectionHint.text("127.0.0.1", 2525, Profile.BASIC_AUTH_OFF, "printer@contoso.test"))
                .contains("AUTH XOAUTH2");
    }

    @Test
    void speedPickerSnapsAScenarioSuggestionToTheNearestChoice() {
        assertThat(ConsoleWindow.nearestSpeed(60)).isEqualTo(60.0);
        assertThat(ConsoleWindow.nearestSpeed(100)).isEqualTo(60.0);
        assertThat(ConsoleWindow.nearestSpeed(2000)).isEqualTo(3600.0);
        assertThat(ConsoleWindow.nearestSpeed(0.5)).isEqualTo(1.0);
    }
}
