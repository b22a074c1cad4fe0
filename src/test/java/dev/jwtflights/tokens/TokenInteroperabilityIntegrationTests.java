package dev.jwtflights.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.jwtflights.test.BearerChallenge;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Our access tokens are standard JWTs, not just something jjwt agrees with itself about: an independent
 * implementation (Nimbus JOSE + JWT) verifies ours, and the API accepts a token that Nimbus signed with the right key
 * and claims, and refuses one with a wrong claim.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
class TokenInteroperabilityIntegrationTests {

    @Autowired
    private TokenService tokenService;

    @Autowired
    private JwtProperties properties;

    @Autowired
    private MutableClock clock;

    @Autowired
    private MockMvcTester mvc;

    @Test
    void ourTokenWhenVerifiedByNimbusThenSignatureAndClaimsHold() throws Exception {
        String sessionId = UUID.randomUUID().toString();
        AccessToken issued = this.tokenService.issue("secret", List.of("USER"), sessionId);

        SignedJWT jwt = SignedJWT.parse(issued.value());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(key()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        claimsVerifier().verify(claims, null);
        assertThat(claims.getSubject()).isEqualTo("secret");
        assertThat(claims.getJWTID()).isEqualTo(issued.id());
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(this.clock.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(issued.issuedAt().plus(Duration.ofMinutes(1)));
        assertThat(claims.getStringListClaim("roles")).containsExactly("USER");
        assertThat(claims.getStringClaim("sid")).isEqualTo(sessionId);
    }

    @Test
    void ourTokenWhenExpiredThenNimbusRefusesItToo() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(this.tokenService.issue("secret", List.of("USER"), "s").value())
            .getJWTClaimsSet();
        this.clock.advance(Duration.ofMinutes(1));

        assertThatExceptionOfType(BadJWTException.class).isThrownBy(() -> claimsVerifier().verify(claims, null));
    }

    @Test
    void ourTokenWhenCheckedWithAnotherKeyThenNimbusRefusesIt() throws Exception {
        SignedJWT jwt = SignedJWT.parse(this.tokenService.issue("secret", List.of("USER"), "s").value());

        assertThat(jwt.verify(new MACVerifier("another-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8))))
            .isFalse();
    }

    @Test
    void nimbusTokenWhenKeyAndClaimsRightThenAppAcceptsIt() throws Exception {
        String token = nimbusToken(UnaryOperator.identity());

        AccessToken verified = this.tokenService.verify(token);

        assertThat(verified.username()).isEqualTo("admin");
        assertThat(verified.roles()).containsExactly("ADMIN");
        assertThat(this.mvc.get().uri("/reservation").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
            .hasStatusOk();
        assertThat(this.mvc.delete().uri("/reservation/{id}", 999_999).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
            .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void nimbusTokenWhenIssuerWrongThenRefused() throws Exception {
        assertRefused(nimbusToken((claims) -> claims.issuer("someone-else")));
    }

    @Test
    void nimbusTokenWhenAudienceWrongThenRefused() throws Exception {
        assertRefused(nimbusToken((claims) -> claims.audience("another-api")));
    }

    @Test
    void nimbusTokenWhenExpiredThenRefused() throws Exception {
        Instant now = this.clock.instant();
        assertRefused(nimbusToken((claims) -> claims.issueTime(Date.from(now.minusSeconds(120)))
            .expirationTime(Date.from(now.minusSeconds(60)))));
    }

    @Test
    void nimbusTokenWhenSessionIdMissingThenRefused() throws Exception {
        assertRefused(nimbusToken((claims) -> claims.claim("sid", null)));
    }

    @Test
    void nimbusTokenWhenRolesNotAnArrayThenRefused() throws Exception {
        assertRefused(nimbusToken((claims) -> claims.claim("roles", "ADMIN")));
    }

    @Test
    void nimbusTokenWhenSignedWithAnotherKeyThenRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), rightClaims().build());
        jwt.sign(new MACSigner("another-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8)));

        assertRefused(jwt.serialize());
    }

    @Test
    void nimbusTokenWhenUnsignedThenRefused() {
        assertRefused(new PlainJWT(rightClaims().build()).serialize());
    }

    @Test
    void nimbusTokenWhenSignedWithHs384ThenRefused() throws Exception {
        byte[] longKey = "a-48-byte-key-for-hs384-that-is-long-enough-xxxx".getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), rightClaims().build());
        jwt.sign(new MACSigner(longKey));

        assertRefused(jwt.serialize());
    }

    private void assertRefused(String token) {
        assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.tokenService.verify(token));
        assertThat(this.mvc.get().uri("/reservation").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
            .hasStatus(HttpStatus.UNAUTHORIZED)
            .headers()
            .hasSingleValue(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.INVALID_TOKEN);
    }

    private String nimbusToken(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(rightClaims()).build());
        jwt.sign(new MACSigner(key()));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder rightClaims() {
        Instant now = this.clock.instant();
        return new JWTClaimsSet.Builder().issuer(this.properties.issuer())
            .audience(this.properties.audience())
            .subject("admin")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60)))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", List.of("ADMIN"))
            .claim("sid", UUID.randomUUID().toString());
    }

    /** Nimbus's own claim checks: our issuer and audience, and not expired by the test's clock. */
    private DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier() {
        JWTClaimsSet exact = new JWTClaimsSet.Builder().issuer(this.properties.issuer()).build();
        Set<String> required = Set.of("iss", "aud", "sub", "iat", "exp", "jti", "roles", "sid");
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(this.properties.audience(),
                exact, required) {

            @Override
            protected Date currentTime() {
                return Date.from(TokenInteroperabilityIntegrationTests.this.clock.instant());
            }

        };
        verifier.setMaxClockSkew(0);
        return verifier;
    }

    private byte[] key() {
        return this.properties.secret().getBytes(StandardCharsets.UTF_8);
    }

}
