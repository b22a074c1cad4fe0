package dev.jwtflights.tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jjwt serialises its JSON with Jackson 2 (jjwt-jackson) while Spring Boot 4 uses Jackson 3: both are on the class
 * path, in their own packages, and tokens written by one are read by the other.
 */
class JacksonSplitTests {

    @Test
    void bothJacksonGenerationsArePresentInTheirOwnPackages() throws Exception {
        assertThat(majorVersion("com.fasterxml.jackson.databind.cfg.PackageVersion")).isEqualTo(2);
        assertThat(majorVersion("tools.jackson.databind.cfg.PackageVersion")).isEqualTo(3);
    }

    @Test
    void aTokenWrittenByJjwtIsStandardJsonForJackson3AndReadsBack() {
        TokenService tokens = new TokenService(TokenServiceTests.properties(TokenServiceTests.SECRET, Duration.ZERO),
                MutableClock.startingNow());
        AccessToken issued = tokens.issue("secret", List.of("USER", "ADMIN"), "session");

        Map<String, Object> claims = TestJwts.decodePart(issued.value(), 1);

        assertThat(claims.get("roles")).isEqualTo(List.of("USER", "ADMIN"));
        assertThat(claims.get("sub")).isEqualTo("secret");
        assertThat(tokens.verify(issued.value()).roles()).containsExactly("USER", "ADMIN");
    }

    private static int majorVersion(String packageVersionClass) throws Exception {
        Object version = Class.forName(packageVersionClass).getField("VERSION").get(null);
        return (int) version.getClass().getMethod("getMajorVersion").invoke(version);
    }

}
