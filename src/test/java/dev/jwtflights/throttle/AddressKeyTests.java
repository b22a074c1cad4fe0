package dev.jwtflights.throttle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which bucket a client address counts in.
 */
class AddressKeyTests {

    @ParameterizedTest
    @ValueSource(strings = { "203.0.113.7", "127.0.0.1", "10.0.0.255" })
    void ofWhenIpv4ThenTheAddressItself(String address) {
        assertThat(AddressKey.of(address)).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource({ "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64", "2001:DB8:1:2:ffff:ffff:ffff:ffff, 2001:db8:1:2::/64",
            "2001:0db8:0001:0002::1, 2001:db8:1:2::/64", "2001:db8::1, 2001:db8:0:0::/64", "::1, 0:0:0:0::/64",
            "0:0:0:0:0:0:0:1, 0:0:0:0::/64", "fe80::1%eth0, fe80:0:0:0::/64", "::, 0:0:0:0::/64",
            "1:2:3:4:5:6:7::, 1:2:3:4::/64" })
    void ofWhenIpv6ThenItsSlash64Network(String address, String key) {
        assertThat(AddressKey.of(address)).isEqualTo(key);
    }

    @Test
    void ofWhenTwoAddressesOfOneSlash64ThenOneKeyAndOfAnotherThenAnother() {
        assertThat(AddressKey.of("2001:db8:aaaa:1::1")).isEqualTo(AddressKey.of("2001:db8:aaaa:1:dead:beef:0:2"))
            .isNotEqualTo(AddressKey.of("2001:db8:aaaa:2::1"));
    }

    @Test
    void ofWhenIpv4MappedThenTheIpv4Address() {
        assertThat(AddressKey.of("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::1", "g::1", "1:2:3", "::\u0663" })
    void ofWhenNoIpv6AddressThenTheTextAsItIs(String text) {
        assertThat(AddressKey.of(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { " ", "0000:0000:0000:0000:0000:ffff:192.168.100.200x" })
    void ofWhenMissingOrTooLongThenTheOneUnknownKey(String address) {
        assertThat(AddressKey.of(address)).isEqualTo(AddressKey.UNKNOWN);
    }

}
