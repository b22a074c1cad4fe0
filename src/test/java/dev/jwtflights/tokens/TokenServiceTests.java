package dev.jwtflights.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestJwts;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The JWT rules, with a clock the tests move: what is signed, and every token that is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenServiceTests {

    static final String SECRET = "a-test-secret-of-more-than-32-bytes!!";

    static final byte[] KEY = SECRET.getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = MutableClock.startingNow();

    private final TokenService tokenService = new TokenService(properties(SECRET, Duration.ZERO), this.clock);

    static final JwtProperties.SigningKey FIRST = new JwtProperties.SigningKey("2026-07",
            "the-first-key-of-more-than-32-bytes!!");

    static final JwtProperties.SigningKey SECOND = new JwtProperties.SigningKey("2026-01",
            "the-second-key-of-more-than-32-bytes!");

    static JwtProperties keyed(JwtProperties.SigningKey... keys) {
        return new JwtProperties(null, List.of(keys), "http://localhost:8080", "jwt-flights", Duration.ofMinutes(1),
                Duration.ZERO);
    }

    static JwtProperties properties(String secret, Duration clockSkew) {
        return new JwtProperties(secret, null, "http://localhost:8080", "jwt-flights", Duration.ofMinutes(1),
                clockSkew);
    }

    /** The claims our tokens carry, valid now, for tokens built by hand. */
    private Map<String, Object> validClaims() {
        long now = this.clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "http://localhost:8080");
        claims.put("aud", List.of("jwt-flights"));
        claims.put("sub", "secret");
        claims.put("iat", now);
        claims.put("exp", now + 60);
        claims.put("jti", "5b0c6a57-0000-4000-8000-000000000001");
        claims.put("roles", List.of("USER"));
        claims.put("sid", "c4b1f6d0-0000-4000-8000-000000000002");
        return claims;
    }

    private String handMade(Map<String, Object> claims) {
        return TestJwts.hmac(TestJwts.header("HS256"), claims, "HmacSHA256", KEY);
    }

    @Test
    void issueThenVerifyReturnsTheClaims() {
        AccessToken issued = this.tokenService.issue("secret", List.of("USER"), "session-1");

        AccessToken verified = this.tokenService.verify(issued.value());

        assertThat(verified.username()).isEqualTo("secret");
        assertThat(verified.roles()).containsExactly("USER");
        assertThat(verified.sessionId()).isEqualTo("session-1");
        assertThat(verified.id()).isEqualTo(issued.id()).isNotBlank();
        assertThat(verified.issuedAt()).isEqualTo(this.clock.instant());
        assertThat(verified.expiresAt()).isEqualTo(this.clock.instant().plusSeconds(60));
    }

    @Test
    void issueWhenTheSessionEndsSoonerThenTheTokenExpiresWithItAndIsStillValidUntilThen() {
        Instant sessionEnd = this.clock.instant().plusSeconds(20);

        AccessToken issued = this.tokenService.issue("secret", List.of("USER"), "session-1", SignInMethod.PASSWORD,
                sessionEnd);

        assertThat(issued.expiresAt()).isEqualTo(sessionEnd);
        assertThat(this.tokenService.verify(issued.value()).expiresAt()).isEqualTo(sessionEnd);
        this.clock.set(sessionEnd);
        assertThatExceptionOfType(InvalidTokenException.class)
            .isThrownBy(() -> this.tokenService.verify(issued.value()));
        AccessToken later = this.tokenService.issue("secret", List.of("USER"), "session-1", SignInMethod.PASSWORD,
                sessionEnd.plusSeconds(3600));
        assertThat(later.expiresAt()).isEqualTo(this.clock.instant().plusSeconds(60));
    }

    @Test
    void issueWritesTheStandardClaimsAndAnHs256Header() {
        AccessToken issued = this.tokenService.issue("admin", List.of("ADMIN"), "session-2");

        Map<String, Object> header = TestJwts.decodePart(issued.value(), 0);
        Map<String, Object> claims = TestJwts.decodePart(issued.value(), 1);

        assertThat(header).containsEntry("alg", "HS256");
        assertThat(claims).containsEntry("iss", "http://localhost:8080")
            .containsEntry("sub", "admin")
            .containsEntry("sid", "session-2")
            .containsEntry("roles", List.of("ADMIN"))
            .containsKeys("jti", "iat", "exp");
        assertThat(claims.get("aud")).isIn("jwt-flights", List.of("jwt-flights"));
        long iat = ((Number) claims.get("iat")).longValue();
        assertThat(((Number) claims.get("exp")).longValue()).isEqualTo(iat + 60);
    }

    @Test
    void issueGivesEveryTokenItsOwnId() {
        AccessToken first = this.tokenService.issue("secret", List.of("USER"), "s");
        AccessToken second = this.tokenService.issue("secret", List.of("USER"), "s");

        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void issueWithA64ByteKeyStillSignsHs256() {
        String longSecret = "x".repeat(64);
        TokenService service = new TokenService(properties(longSecret, Duration.ZERO), this.clock);

        AccessToken issued = service.issue("secret", List.of("USER"), "s");

        assertThat(TestJwts.decodePart(issued.value(), 0)).containsEntry("alg", "HS256");
        assertThat(service.verify(issued.value()).username()).isEqualTo("secret");
    }

    @Test
    void issueWhenPasskeyThenAmrSwkWhichVerifyReadsBack() {
        AccessToken issued = this.tokenService.issue("secret", List.of("USER"), "session-1", SignInMethod.PASSKEY);

        assertThat(TestJwts.decodePart(issued.value(), 1)).containsEntry("amr", List.of("swk"));
        assertThat(this.tokenService.verify(issued.value()).signInMethod()).isEqualTo(SignInMethod.PASSKEY);
    }

    @Test
    void issueWhenPasswordThenAmrPwd() {
        AccessToken issued = this.tokenService.issue("secret", List.of("USER"), "session-1");

        assertThat(TestJwts.decodePart(issued.value(), 1)).containsEntry("amr", List.of("pwd"));
        assertThat(this.tokenService.verify(issued.value()).signInMethod()).isEqualTo(SignInMethod.PASSWORD);
    }

    @Test
    void verifyWhenNoAmrClaimThenAPasswordSession() {
        Map<String, Object> claims = validClaims();
        claims.remove("amr");

        assertThat(this.tokenService.verify(handMade(claims)).signInMethod()).isEqualTo(SignInMethod.PASSWORD);
    }

    @Test
    void verifyWhenAmrIsNotOneValueOfOursThenRefused() {
        for (Object amr : List.of(List.of("hwk"), List.of("pwd", "swk"), "pwd", List.of(1), List.of())) {
            Map<String, Object> claims = validClaims();
            claims.put("amr", amr);

            assertRefused(handMade(claims));
        }
    }

    @Test
    void verifyAcceptsAHandMadeTokenWithTheRightKeyAndClaims() {
        assertThat(this.tokenService.verify(handMade(validClaims())).username()).isEqualTo("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = { "none", "NONE", "None", "nOnE" })
    void verifyWhenAlgNoneThenRefused(String alg) {
        String token = TestJwts.unsigned(TestJwts.header(alg), validClaims());

        assertRefused(token);
    }

    @Test
    void verifyWhenAlgNoneWithASignatureThenRefused() {
        String signed = handMade(validClaims());
        String token = TestJwts.encode(TestJwts.header("none")) + signed.substring(signed.indexOf('.'));

        assertRefused(token);
    }

    @Test
    void verifyWhenSignedWithHs384AndTheRightKeyThenRefused() {
        byte[] key = "y".repeat(64).getBytes(StandardCharsets.UTF_8);
        TokenService service = new TokenService(properties("y".repeat(64), Duration.ZERO), this.clock);

        String token = TestJwts.hmac(TestJwts.header("HS384"), validClaims(), "HmacSHA384", key);

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> service.verify(token));
    }

    @Test
    void verifyWhenSignedWithHs512AndTheRightKeyThenRefused() {
        byte[] key = "y".repeat(64).getBytes(StandardCharsets.UTF_8);
        TokenService service = new TokenService(properties("y".repeat(64), Duration.ZERO), this.clock);

        String token = TestJwts.hmac(TestJwts.header("HS512"), validClaims(), "HmacSHA512", key);

        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> service.verify(token));
    }

    @Test
    void verifyWhenHeaderSaysRs256ThenRefused() {
        String token = TestJwts.hmac(TestJwts.header("RS256"), validClaims(), "HmacSHA256", KEY);

        assertRefused(token);
    }

    @Test
    void verifyWhenPayloadTamperedThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();
        String[] parts = token.split("\\.");
        Map<String, Object> claims = TestJwts.decodePart(token, 1);
        claims.put("roles", List.of("ADMIN"));

        assertRefused(parts[0] + "." + TestJwts.encode(claims) + "." + parts[2]);
    }

    @Test
    void verifyWhenHeaderTamperedThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();
        Map<String, Object> header = TestJwts.header("HS256");
        header.put("kid", "other");

        assertRefused(TestJwts.encode(header) + token.substring(token.indexOf('.')));
    }

    @Test
    void verifyWhenSignatureTamperedThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + ((last == 'A') ? 'B' : 'A')
                + token.charAt(token.length() - 1);

        assertRefused(tampered);
    }

    @Test
    void verifyWhenSignatureRemovedThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();

        assertRefused(token.substring(0, token.lastIndexOf('.') + 1));
    }

    @Test
    void verifyWhenSignedWithAnotherKeyThenRefused() {
        TokenService other = new TokenService(properties("another-secret-of-more-than-32-bytes!", Duration.ZERO),
                this.clock);

        assertRefused(other.issue("secret", List.of("USER"), "s").value());
    }

    @Test
    void verifyWhenExpiredThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();

        this.clock.advance(Duration.ofSeconds(61));

        assertExpired(token);
    }

    @Test
    void verifyAtTheExactExpiryInstantThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();

        this.clock.advance(Duration.ofSeconds(60));

        assertExpired(token);
    }

    @Test
    void verifyOneSecondBeforeExpiryThenAccepted() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();

        this.clock.advance(Duration.ofSeconds(59));

        assertThat(this.tokenService.verify(token).username()).isEqualTo("secret");
    }

    @Test
    void verifyWhenExpiredWithinTheConfiguredClockSkewThenAccepted() {
        TokenService lenient = new TokenService(properties(SECRET, Duration.ofSeconds(30)), this.clock);
        String token = lenient.issue("secret", List.of("USER"), "s").value();

        this.clock.advance(Duration.ofSeconds(80));

        assertThat(lenient.verify(token).username()).isEqualTo("secret");
        this.clock.advance(Duration.ofSeconds(20));
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> lenient.verify(token))
            .matches(InvalidTokenException::expired, "expired");
    }

    @Test
    void verifyWhenNoExpThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.remove("exp");

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenNotBeforeInTheFutureThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.put("nbf", this.clock.instant().getEpochSecond() + 30);

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenNotBeforeInThePastThenAccepted() {
        Map<String, Object> claims = validClaims();
        claims.put("nbf", this.clock.instant().getEpochSecond() - 30);

        assertThat(this.tokenService.verify(handMade(claims)).username()).isEqualTo("secret");
    }

    @Test
    void verifyWhenWrongIssuerThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.put("iss", "someone-else");

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenNoIssuerThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.remove("iss");

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenWrongAudienceThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.put("aud", List.of("another-api"));

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenNoAudienceThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.remove("aud");

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenNoSubjectThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.remove("sub");

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenRolesIsNotAnArrayThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.put("roles", "ADMIN");

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenUnknownCriticalHeaderThenRefused() {
        Map<String, Object> header = TestJwts.header("HS256");
        header.put("crit", List.of("exp-policy"));
        header.put("exp-policy", "strict");

        assertRefused(TestJwts.hmac(header, validClaims(), "HmacSHA256", KEY));
    }

    @Test
    void verifyWhenNullThenRefused() {
        assertRefused(null);
    }

    @Test
    void verifyWhenEmptyThenRefused() {
        assertRefused("");
    }

    @Test
    void verifyWhenBlankThenRefused() {
        assertRefused("   ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-a-jwt", "a.b", "a.b.c", "a.b.c.d.e", "....", "eyJ.eyJ.sig", "%%%.%%%.%%%" })
    void verifyWhenMalformedThenRefused(String token) {
        assertRefused(token);
    }

    @Test
    void verifyWhenClaimsAreNotJsonThenRefused() {
        String header = TestJwts.encode(TestJwts.header("HS256"));
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("not json".getBytes());

        assertRefused(header + "." + payload + ".c2lnbmF0dXJl");
    }

    @Test
    void verifyWhenOversizedThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.put("padding", "p".repeat(TokenService.MAX_TOKEN_LENGTH));

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenExactlyTheMaximumLengthThenAcceptedAndOneMoreThenRefused() {
        String longest = handMadeOfLength(TokenService.MAX_TOKEN_LENGTH);
        String tooLong = handMadeOfLength(TokenService.MAX_TOKEN_LENGTH + 1);

        assertThat(this.tokenService.verify(longest).username()).isEqualTo("secret");
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.tokenService.verify(tooLong))
            .withMessageStartingWith("oversized token");
    }

    /** A valid token padded by a claim to exactly the given length (base64url grows by 4 characters per 3 bytes). */
    private String handMadeOfLength(int length) {
        int unpadded = handMade(validClaims()).length();
        for (int padding = Math.max(0, (length - unpadded) * 3 / 4 - 32); padding < length; padding++) {
            Map<String, Object> claims = validClaims();
            claims.put("padding", "p".repeat(padding));
            String token = handMade(claims);
            if (token.length() == length) {
                return token;
            }
            if (token.length() > length) {
                break;
            }
        }
        throw new IllegalStateException("no padding gives a token of " + length + " characters");
    }

    @Test
    void constructWhenSecretShorterThan32BytesThenFailsNamingTheProperty() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> properties("only-31-bytes-long-secret-value", Duration.ZERO))
            .withMessageContaining("app.jwt.secret");
    }

    @Test
    void constructWhenSecretIsExactly32BytesThenAccepted() {
        assertThat(properties("x".repeat(32), Duration.ZERO).hasSecret()).isTrue();
    }

    @Test
    void constructWhenSecretUnsetThenARandomKeyWithAWarning(CapturedOutput output) {
        TokenService first = new TokenService(properties(null, Duration.ZERO), this.clock);
        TokenService second = new TokenService(properties("", Duration.ZERO), this.clock);
        String token = first.issue("secret", List.of("USER"), "s").value();

        assertThat(first.verify(token).username()).isEqualTo("secret");
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> second.verify(token));
        assertThat(output).contains("WARN").contains("app.jwt.secret is not set (nor app.jwt.keys)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "exp", "iat", "nbf" })
    void verifyWhenADateClaimIsAStringThenRefused(String claim) {
        Map<String, Object> claims = validClaims();
        claims.put("nbf", claims.get("iat"));
        claims.put(claim, String.valueOf(claims.get(claim)));

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenDateClaimsAreNumbersThenAccepted() {
        Map<String, Object> claims = validClaims();
        claims.put("nbf", claims.get("iat"));

        assertThat(this.tokenService.verify(handMade(claims)).username()).isEqualTo("secret");
    }

    @Test
    void verifyWhenExpiryIsFarAwayThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.put("exp", new java.math.BigInteger("100000000000000000000"));

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenLifetimeLongerThanOursThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.put("exp", (long) claims.get("iat") + 61);

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenLifetimeLongerThanOursButWithinTheSkewThenAccepted() {
        TokenService skewed = new TokenService(properties(SECRET, Duration.ofSeconds(5)), this.clock);
        Map<String, Object> claims = validClaims();
        claims.put("exp", (long) claims.get("iat") + 65);

        assertThat(skewed.verify(handMade(claims)).username()).isEqualTo("secret");
        claims.put("exp", (long) claims.get("iat") + 66);
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> skewed.verify(handMade(claims)));
    }

    @Test
    void verifyWhenIssuedInTheFutureThenRefused() {
        Map<String, Object> claims = validClaims();
        claims.put("iat", (long) claims.get("iat") + 1);

        assertRefused(handMade(claims));
    }

    @Test
    void verifyWhenIssuedInTheFutureWithinTheSkewThenAccepted() {
        TokenService skewed = new TokenService(properties(SECRET, Duration.ofSeconds(5)), this.clock);
        Map<String, Object> claims = validClaims();
        claims.put("iat", (long) claims.get("iat") + 5);

        assertThat(skewed.verify(handMade(claims)).username()).isEqualTo("secret");
        claims.put("iat", (long) claims.get("iat") + 1);
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> skewed.verify(handMade(claims)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "=", "==" })
    void verifyWhenSignaturePaddedThenRefused(String padding) {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();

        assertRefused(token + padding);
    }

    @Test
    void verifyWhenSignatureHasUnusedBitsSetThenRefused() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();
        // 32 bytes are 43 base64url characters: the last one carries 4 bits of the signature and 2 unused ones.
        char last = token.charAt(token.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBitsOtherSpelling = alphabet.charAt(alphabet.indexOf(last) | 1);
        assertThat(sameBitsOtherSpelling).as("the signature's last character has its unused bits clear")
            .isNotEqualTo(last);

        assertRefused(token.substring(0, token.length() - 1) + sameBitsOtherSpelling);
        assertThat(this.tokenService.verify(token).username()).isEqualTo("secret");
    }

    @Test
    void verifyWhenAClaimAppearsTwiceThenRefused() {
        long now = this.clock.instant().getEpochSecond();
        String claims = "{\"iss\":\"http://localhost:8080\",\"aud\":\"jwt-flights\",\"sub\":\"secret\",\"iat\":" + now
                + ",\"exp\":" + (now + 60) + ",\"jti\":\"j\",\"roles\":[\"USER\"],\"sid\":\"s\",\"roles\":[\"ADMIN\"]}";

        assertRefused(TestJwts.hmacOfJson("{\"alg\":\"HS256\"}", claims, KEY));
        assertThat(this.tokenService.verify(TestJwts.hmacOfJson("{\"alg\":\"HS256\"}",
                claims.replace(",\"roles\":[\"ADMIN\"]", ""), KEY)).roles()).containsExactly("USER");
    }

    @Test
    void constructWhenIssuerIsPlainHttpOnAnotherHostThenAWarning(CapturedOutput output) {
        new TokenService(new JwtProperties(null, null, "http://localhost:8080", "jwt-flights", Duration.ofMinutes(1),
                Duration.ZERO), this.clock);
        assertThat(output).doesNotContain("plain http");

        new TokenService(new JwtProperties(null, null, "http://flights.example.com", "jwt-flights",
                Duration.ofMinutes(1), Duration.ZERO), this.clock);
        assertThat(output).contains("WARN").contains("app.jwt.issuer is http://flights.example.com: plain http");
    }

    @Test
    void issueWhenOnlyASecretThenNoKidInTheHeader() {
        String token = this.tokenService.issue("secret", List.of("USER"), "s").value();

        assertThat(TestJwts.decodePart(token, 0)).containsOnlyKeys("alg");
    }

    @Test
    void verifyWhenOnlyASecretThenAKidInTheHeaderIsNotRead() {
        String anyKid = TestJwts.hmac(kidHeader("whatever"), validClaims(), "HmacSHA256", KEY);
        String kidOfAnotherKey = signedWith(FIRST, FIRST.kid());

        assertThat(this.tokenService.verify(anyKid).username()).isEqualTo("secret");
        assertThatExceptionOfType(InvalidTokenException.class)
            .isThrownBy(() -> this.tokenService.verify(kidOfAnotherKey));
    }

    /**
     * With {@code app.jwt.keys}: the first key signs and names itself by its {@code kid}; a token is verified by the
     * key its {@code kid} names, and refused without one.
     */
    @Nested
    class NamedKeys {

        private final MutableClock clock = TokenServiceTests.this.clock;

        private final TokenService keyed = new TokenService(keyed(FIRST, SECOND), this.clock);

        @Test
        void issueWhenKeysSetThenSignedWithTheFirstAndNamedByItsKid() {
            String token = this.keyed.issue("secret", List.of("USER"), "s").value();

            TokenService firstOnly = new TokenService(properties(FIRST.secret(), Duration.ZERO), this.clock);
            TokenService secondOnly = new TokenService(properties(SECOND.secret(), Duration.ZERO), this.clock);

            assertThat(TestJwts.decodePart(token, 0)).containsOnly(Map.entry("alg", "HS256"),
                    Map.entry("kid", "2026-07"));
            assertThat(firstOnly.verify(token).username()).isEqualTo("secret");
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> secondOnly.verify(token));
        }

        @Test
        void verifyWhenKeysSetThenEachKeyVerifiesTheTokensOfItsKid() {
            assertThat(this.keyed.verify(signedWith(SECOND, SECOND.kid())).username()).isEqualTo("secret");
            assertThat(this.keyed.verify(signedWith(FIRST, FIRST.kid())).username()).isEqualTo("secret");
            assertThat(this.keyed.verify(this.keyed.issue("admin", List.of("ADMIN"), "s").value()).username())
                .isEqualTo("admin");
        }

        @Test
        void verifyWhenKeysSetAndNoKidThenRefused() {
            String token = TestJwts.hmac(TestJwts.header("HS256"), validClaims(), "HmacSHA256", bytes(FIRST));

            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.keyed.verify(token))
                .withMessageStartingWith("no kid in the header");
        }

        @Test
        void verifyWhenKeysSetAndTheKidIsNotListedThenRefusedWithoutRepeatingIt() {
            String token = signedWith(FIRST, "a-kid-we-never-had");

            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.keyed.verify(token))
                .withMessage("a kid that app.jwt.keys does not list");
        }

        @Test
        void verifyWhenAKeyIsDroppedThenItsTokensAreRefused() {
            TokenService withoutSecond = new TokenService(keyed(FIRST), this.clock);
            String token = signedWith(SECOND, SECOND.kid());

            assertThat(this.keyed.verify(token).username()).isEqualTo("secret");
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> withoutSecond.verify(token));
        }

        @Test
        void verifyWhenTheKidNamesAnotherKeyThanTheOneThatSignedThenRefused() {
            String token = signedWith(FIRST, SECOND.kid());

            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.keyed.verify(token))
                .withMessageContaining("SignatureException");
        }

        @Test
        void verifyWhenTheKidIsNotAStringThenRefused() {
            Map<String, Object> header = TestJwts.header("HS256");
            header.put("kid", 202607);
            String token = TestJwts.hmac(header, validClaims(), "HmacSHA256", bytes(FIRST));

            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.keyed.verify(token));
        }

        @Test
        void verifyWhenTheKidAppearsTwiceThenRefused() {
            String token = signedWith(FIRST, FIRST.kid());
            String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            String once = "{\"alg\":\"HS256\",\"kid\":\"2026-07\"}";
            String twice = "{\"alg\":\"HS256\",\"kid\":\"2026-01\",\"kid\":\"2026-07\"}";

            assertThat(this.keyed.verify(TestJwts.hmacOfJson(once, claims, bytes(FIRST))).username())
                .isEqualTo("secret");
            assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> this.keyed.verify(TestJwts.hmacOfJson(twice, claims, bytes(FIRST))));
        }

        @Test
        void verifyWhenKeysSetThenTheOtherRulesStillApply() {
            Map<String, Object> wrongAudience = validClaims();
            wrongAudience.put("aud", List.of("another-api"));
            JwtProperties.SigningKey longKey = new JwtProperties.SigningKey("long", "z".repeat(64));
            TokenService longKeyed = new TokenService(keyed(longKey), this.clock);
            Map<String, Object> hs384 = TestJwts.header("HS384");
            hs384.put("kid", longKey.kid());
            String issued = this.keyed.issue("secret", List.of("USER"), "s").value();
            String ofAnotherAudience = TestJwts.hmac(kidHeader(FIRST.kid()), wrongAudience, "HmacSHA256", bytes(FIRST));
            String hs384Signed = TestJwts.hmac(hs384, validClaims(), "HmacSHA384", bytes(longKey));
            String hs256Signed = TestJwts.hmac(kidHeader(longKey.kid()), validClaims(), "HmacSHA256", bytes(longKey));

            assertThatExceptionOfType(InvalidTokenException.class)
                .isThrownBy(() -> this.keyed.verify(ofAnotherAudience));
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> longKeyed.verify(hs384Signed));
            assertThat(longKeyed.verify(hs256Signed).username()).isEqualTo("secret");
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.keyed.verify(issued + "="));
            assertThat(this.keyed.verify(issued).username()).isEqualTo("secret");
            this.clock.advance(Duration.ofSeconds(60));
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.keyed.verify(issued));
        }

        @Test
        void verifyWhenMovingFromTheSecretToTheSameKeyUnderAKidThenBothWaysTokensOfTheOtherAreKnown() {
            TokenService unnamed = new TokenService(properties(SECRET, Duration.ZERO), this.clock);
            TokenService named = new TokenService(keyed(new JwtProperties.SigningKey("2026-01", SECRET)), this.clock);
            String ofUnnamed = unnamed.issue("secret", List.of("USER"), "s").value();

            // A token of app.jwt.keys is accepted by an instance still on app.jwt.secret (a rolling deployment, or a
            // step back); one from app.jwt.secret has no kid and is refused: its holder renews it.
            assertThat(unnamed.verify(named.issue("secret", List.of("USER"), "s").value()).username())
                .isEqualTo("secret");
            assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> named.verify(ofUnnamed));
        }

    }

    private static Map<String, Object> kidHeader(String kid) {
        Map<String, Object> header = TestJwts.header("HS256");
        header.put("kid", kid);
        return header;
    }

    private static byte[] bytes(JwtProperties.SigningKey key) {
        return key.secret().getBytes(StandardCharsets.UTF_8);
    }

    /** A valid token signed by hand with the given key, its header naming the given kid. */
    private String signedWith(JwtProperties.SigningKey key, String kid) {
        return TestJwts.hmac(kidHeader(kid), validClaims(), "HmacSHA256", bytes(key));
    }

    /** Refused as not a token of ours (not for being expired). */
    private void assertRefused(String token) {
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.tokenService.verify(token))
            .matches((refusal) -> !refusal.expired(), "not expired");
    }

    /** Refused as a token of ours whose lifetime is over. */
    private void assertExpired(String token) {
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.tokenService.verify(token))
            .matches(InvalidTokenException::expired, "expired");
    }

}
