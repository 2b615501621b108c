package org.submitlab.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientNetworkTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.0/24, 192.0.2.77, true",
        "192.0.2.0/24, 192.0.3.1, false",
        "10.1.0.0/20, 10.1.15.255, true",
        "10.1.0.0/20, 10.1.16.0, false",
        "127.0.0.1, 127.0.0.1, true",
        "127.0.0.1, 127.0.0.2, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "2001:db8::/32, 2001:db8:1::5, true",
        "2001:db8::/32, 127.0.0.1, false"
    })
    void containsAddressesInsideThePrefixOnly(String network, String address, boolean expected) throws Exception {
        assertThat(ClientNetwork.parse(network).contains(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"printer.contoso.test", "192.0.2.0/33", "192.0.2.0/x", "", "10.0.0.0/-1"})
    void rejectsWhatIsNotANetwork(String text) {
        assertThatThrownBy(() -> ClientNetwork.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'");
    }
}
