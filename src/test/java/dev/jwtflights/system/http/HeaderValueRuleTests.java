package dev.jwtflights.system.http;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeaderValueRule} says what Spring Security's {@code StrictHttpFirewall} says of a header value with its
 * regular expression (copied here as the reference), on every Unicode code point alone and inside text.
 */
class HeaderValueRuleTests {

    /** {@code StrictHttpFirewall}'s rule for header values, as Spring Security 7 writes it. */
    private static final Pattern FIREWALL = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private final HeaderValueRule rule = new HeaderValueRule();

    @Test
    void everyCodePointAloneAndBetweenPrintableTextThenAsTheFirewallSays() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            String inside = "Bearer a" + alone + "b";
            assertThat(this.rule.test(alone)).as("U+%04X", codePoint).isEqualTo(FIREWALL.matcher(alone).matches());
            assertThat(this.rule.test(inside)).as("U+%04X inside", codePoint)
                .isEqualTo(FIREWALL.matcher(inside).matches());
        }
    }

    @Test
    void surrogatesPairedAndAloneThenAsTheFirewallSays() {
        for (String value : new String[] { "x\uD83D\uDE00y", "x\uDE00\uD83Dy", "\uD83D", "\uDE00", "a\uD83D",
                "\uDBFF\uDFFF" }) {
            assertThat(this.rule.test(value)).as(value).isEqualTo(FIREWALL.matcher(value).matches());
        }
    }

    @Test
    void whatAHeaderCarriesThenAllowedAndControlsOtherThanTabThenRefused() {
        assertThat(this.rule.test("")).isTrue();
        assertThat(this.rule.test("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQifQ.c2ln-_")).isTrue();
        assertThat(this.rule.test("a\tb")).isTrue();
        assertThat(this.rule.test("caf\u00e9")).isTrue();
        assertThat(this.rule.test("a\u0000b")).isFalse();
        assertThat(this.rule.test("a\u007Fb")).isFalse();
        assertThat(this.rule.test("a\u0085b")).isFalse();
        assertThat(this.rule.test("a\u0378b")).isFalse();
    }

}
