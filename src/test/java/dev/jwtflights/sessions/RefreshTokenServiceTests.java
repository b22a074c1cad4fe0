package dev.jwtflights.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.jwtflights.sessions.store.RefreshToken;
import dev.jwtflights.sessions.store.RefreshTokenRepository;
import dev.jwtflights.sessions.store.RefreshTokenRows;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.users.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static dev.jwtflights.sessions.SessionsTestSupport.CLIENT;
import static dev.jwtflights.sessions.SessionsTestSupport.createUser;
import static dev.jwtflights.sessions.SessionsTestSupport.granted;
import static dev.jwtflights.sessions.SessionsTestSupport.issued;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh rules against the real schema, with a clock the tests move.
 */
@DataJpaTest(properties = { "app.jwt.refresh-token-ttl=7d", "app.jwt.session-max-lifetime=30d",
        "app.jwt.refresh-reuse-grace=10s" })
@Import({ RefreshTokenService.class, RefreshTokenRows.class, TestClockConfiguration.class,
        RefreshTokenServiceTests.Settings.class })
@ExtendWith(OutputCaptureExtension.class)
class RefreshTokenServiceTests {

    static final Duration REFRESH_TTL = Duration.ofDays(7);

    static final Duration SESSION_MAX = Duration.ofDays(30);

    static final Duration GRACE = Duration.ofSeconds(10);

    static final int MAX_SESSIONS = 20;

    @Autowired
    private RefreshTokenService service;

    @Autowired
    private RefreshTokenRepository refreshTokens;

    @Autowired
    private RefreshTokenRows rows;

    @Autowired
    private UserAccounts accounts;

    @Autowired
    private TokenService accessTokens;

    @Autowired
    private MutableClock clock;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TestEntityManager entityManager;

    @BeforeEach
    void createTheUser() {
        createUser(this.jdbc, "secret");
    }

    @Test
    void startSessionStoresOnlyTheHashOfAFreshRandomToken() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));

        assertThat(issued.value()).matches("[A-Za-z0-9_-]{43}");
        RefreshToken row = this.refreshTokens.findByTokenHash(RefreshTokenService.hash(issued.value())).orElseThrow();
        assertThat(row.getTokenHash()).hasSize(64).isNotEqualTo(issued.value());
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM refresh_token WHERE token_hash = ?", Integer.class,
                issued.value())).isZero();
        assertThat(row.getUsername()).isEqualTo("secret");
        assertThat(row.getFamilyId()).isEqualTo(issued.sessionId());
        assertThat(row.isActive()).isTrue();
        assertThat(row.getUsedAt()).isNull();
        assertThat(row.getCreatedAt()).isEqualTo(this.clock.instant());
        assertThat(row.getExpiresAt()).isEqualTo(this.clock.instant().plus(REFRESH_TTL)).isEqualTo(issued.expiresAt());
    }

    @Test
    void startWhenUserDisabledThenRefusedAndNothingStored() {
        this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = 'secret'");

        assertThat(this.service.start("secret", CLIENT)).isEqualTo(refused(Refusal.USER_DISABLED));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM refresh_token", Integer.class)).isZero();
    }

    @Test
    void startWhenUserUnknownThenRefused() {
        assertThat(this.service.start("nobody", CLIENT)).isEqualTo(refused(Refusal.USER_DISABLED));
    }

    @Test
    void startAndRotateGrantAccessTokensWithTheRoleOfTheUserRowNow() {
        TokenPair started = granted(this.service.start("secret", CLIENT));
        assertThat(started.access().roles()).containsExactly("USER");
        assertThat(started.access().username()).isEqualTo("secret");
        assertThat(started.access().sessionId()).isEqualTo(started.refresh().sessionId());
        this.jdbc.update("UPDATE app_user SET role = 'ADMIN' WHERE username = 'secret'");
        this.entityManager.clear();

        TokenPair renewed = granted(this.service.rotate(started.refresh().value(), CLIENT));

        assertThat(renewed.access().roles()).containsExactly("ADMIN");
        assertThat(this.accessTokens.verify(renewed.access().value()).sessionId())
            .isEqualTo(started.refresh().sessionId());
    }

    @Test
    void startSessionTwiceGivesTwoFamiliesAndTwoTokens() {
        IssuedRefreshToken first = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken second = issued(this.service.start("secret", CLIENT));

        assertThat(first.value()).isNotEqualTo(second.value());
        assertThat(first.sessionId()).isNotEqualTo(second.sessionId());
    }

    @Test
    void rotateMarksTheOldTokenUsedAndAddsANewOneToTheFamily() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofMinutes(5));

        TokenPair rotated = granted(this.service.rotate(issued.value(), CLIENT));

        assertThat(rotated.access().username()).isEqualTo("secret");
        assertThat(rotated.refresh().value()).isNotEqualTo(issued.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(rotated.refresh().sessionId()).isEqualTo(issued.sessionId());
        this.entityManager.clear();
        List<RefreshToken> family = this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId());
        assertThat(family).hasSize(2);
        assertThat(family.get(0).getUsedAt()).isEqualTo(this.clock.instant());
        assertThat(family.get(1).getUsedAt()).isNull();
        assertThat(family).allMatch(RefreshToken::isActive);
    }

    @Test
    void rotateSlidesTheExpiryForward() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofDays(6));

        TokenPair rotated = granted(this.service.rotate(issued.value(), CLIENT));

        assertThat(rotated.refresh().expiresAt()).isEqualTo(this.clock.instant().plus(REFRESH_TTL));
    }

    @Test
    void rotateNeverExtendsPastTheSessionMaximumLifetime() {
        Instant login = this.clock.instant();
        IssuedRefreshToken current = issued(this.service.start("secret", CLIENT));
        for (int i = 0; i < 4; i++) {
            this.clock.advance(Duration.ofDays(6));
            current = issued(this.service.rotate(current.value(), CLIENT));
        }
        assertThat(this.clock.instant()).isEqualTo(login.plus(Duration.ofDays(24)));
        this.clock.advance(Duration.ofDays(5));

        current = issued(this.service.rotate(current.value(), CLIENT));

        assertThat(current.expiresAt()).isEqualTo(login.plus(SESSION_MAX));
        this.clock.set(login.plus(SESSION_MAX));
        assertThat(this.service.rotate(current.value(), CLIENT)).isEqualTo(refused(Refusal.EXPIRED));
    }

    @Test
    void rotateWhenTheSessionEndsWithinAnAccessTokenLifetimeThenTheAccessTokenEndsWithIt() {
        Instant login = this.clock.instant();
        IssuedRefreshToken current = issued(this.service.start("secret", CLIENT));
        for (int i = 0; i < 4; i++) {
            this.clock.advance(Duration.ofDays(6));
            current = issued(this.service.rotate(current.value(), CLIENT));
        }
        Instant end = login.plus(SESSION_MAX);
        this.clock.set(end.minusSeconds(20));

        TokenPair last = granted(this.service.rotate(current.value(), CLIENT));

        assertThat(last.refresh().expiresAt()).isEqualTo(end);
        assertThat(last.access().expiresAt()).isEqualTo(end);
        assertThat(granted(this.service.start("secret", CLIENT)).access().expiresAt())
            .as("a session that does not end so soon keeps the usual lifetime")
            .isAfter(end);
    }

    @Test
    void rotateWhenNoTokenThenMissing() {
        assertThat(this.service.rotate(null, CLIENT)).isEqualTo(refused(Refusal.MISSING));
        assertThat(this.service.rotate("", CLIENT)).isEqualTo(refused(Refusal.MISSING));
    }

    @Test
    void rotateWhenForgedThenUnknown() {
        issued(this.service.start("secret", CLIENT));

        assertThat(this.service.rotate("A".repeat(43), CLIENT)).isEqualTo(refused(Refusal.UNKNOWN));
    }

    @Test
    void rotateWhenMalformedThenUnknown() {
        assertThat(this.service.rotate("' OR 1=1 --", CLIENT)).isEqualTo(refused(Refusal.UNKNOWN));
        assertThat(this.service.rotate("x".repeat(5000), CLIENT)).isEqualTo(refused(Refusal.UNKNOWN));
    }

    @Test
    void rotateWhenTheStoredHashIsPresentedThenUnknown() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));

        assertThat(this.service.rotate(RefreshTokenService.hash(issued.value()), CLIENT))
            .isEqualTo(refused(Refusal.UNKNOWN));
    }

    @Test
    void rotateWhenRevokedBySqlThenRevoked() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret'");
        this.entityManager.clear();

        assertThat(this.service.rotate(issued.value(), CLIENT)).isEqualTo(refused(Refusal.REVOKED));
    }

    @Test
    void rotateWhenARotatedTokenOfARevokedSessionIsPresentedWithinTheGraceThenRevoked() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        issued(this.service.rotate(issued.value(), CLIENT));
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret'");
        this.entityManager.clear();

        assertThat(this.service.rotate(issued.value(), CLIENT)).isEqualTo(refused(Refusal.REVOKED));
        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
            .noneMatch(RefreshToken::isActive);
    }

    @Test
    void rotateWhenAnotherTokenOfTheSessionWasRevokedThenTheWholeSessionIsRevoked() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken current = issued(this.service.rotate(issued.value(), CLIENT));
        // As an admin's UPDATE that ran while the second token was being added, and missed it.
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE token_hash = ?",
                RefreshTokenService.hash(issued.value()));
        this.entityManager.clear();

        assertThat(this.service.rotate(current.value(), CLIENT)).isEqualTo(refused(Refusal.REVOKED));
        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
            .noneMatch(RefreshToken::isActive);
    }

    @Test
    void rotateCountsGenerationsFromTheLogin() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken second = issued(this.service.rotate(issued.value(), CLIENT));
        issued(this.service.rotate(second.value(), CLIENT));

        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).extracting(RefreshToken::getGeneration)
            .containsExactly(0, 1, 2);
    }

    @Test
    void rotateWhenExpiredThenExpired() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        this.clock.advance(REFRESH_TTL);

        assertThat(this.service.rotate(issued.value(), CLIENT)).isEqualTo(refused(Refusal.EXPIRED));
    }

    @Test
    void rotateJustBeforeExpiryThenRotated() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        this.clock.advance(REFRESH_TTL.minusSeconds(1));

        assertThat(this.service.rotate(issued.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);
    }

    @Test
    void rotateWhenUserDisabledThenUserDisabled() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = 'secret'");
        this.entityManager.clear();

        assertThat(this.service.rotate(issued.value(), CLIENT)).isEqualTo(refused(Refusal.USER_DISABLED));
    }

    @Test
    void rotateWhenUserDeletedThenUserDisabled() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        this.jdbc.update("DELETE FROM app_user WHERE username = 'secret'");

        assertThat(this.service.rotate(issued.value(), CLIENT)).isEqualTo(refused(Refusal.USER_DISABLED));
    }

    @Test
    void rotateWhenTokenReplayedAfterTheGraceThenFamilyRevoked(CapturedOutput output) {
        IssuedRefreshToken stolen = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken current = issued(this.service.rotate(stolen.value(), CLIENT));
        this.clock.advance(GRACE);

        assertThat(this.service.rotate(stolen.value(), CLIENT)).isEqualTo(refused(Refusal.REUSED));

        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(stolen.sessionId())).hasSize(2)
            .noneMatch(RefreshToken::isActive);
        assertThat(this.service.rotate(current.value(), CLIENT)).isEqualTo(refused(Refusal.REUSED));
        assertThat(output).contains("WARN").contains("reuse detected for user 'secret' session " + stolen.sessionId());
        assertThat(output).doesNotContain(stolen.value()).doesNotContain(RefreshTokenService.hash(stolen.value()));
    }

    @Test
    void rotateWhenTokenReplayedThenOtherSessionsOfTheUserStayActive() {
        IssuedRefreshToken stolen = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken otherDevice = issued(this.service.start("secret", CLIENT));
        issued(this.service.rotate(stolen.value(), CLIENT));
        this.clock.advance(GRACE);

        this.service.rotate(stolen.value(), CLIENT);

        assertThat(this.service.rotate(otherDevice.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);
    }

    @Test
    void rotateWhenTokenPresentedAgainWithinTheGraceThenRotatedAgain() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken firstTab = issued(this.service.rotate(issued.value(), CLIENT));
        this.clock.advance(GRACE.minusSeconds(1));

        IssuedRefreshToken secondTab = issued(this.service.rotate(issued.value(), CLIENT));

        assertThat(secondTab.value()).isNotEqualTo(firstTab.value());
        assertThat(secondTab.sessionId()).isEqualTo(issued.sessionId());
        assertThat(this.service.rotate(firstTab.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);
        assertThat(this.service.rotate(secondTab.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);
    }

    @Test
    void rotateWhenGraceIsZeroThenAnImmediateReplayRevokesTheFamily() {
        RefreshTokenService strict = new RefreshTokenService(this.refreshTokens, this.rows, this.accounts,
                this.accessTokens, Settings.properties(Duration.ZERO), this.clock, this.events);
        IssuedRefreshToken issued = issued(strict.start("secret", CLIENT));
        IssuedRefreshToken current = issued(strict.rotate(issued.value(), CLIENT));

        assertThat(strict.rotate(issued.value(), CLIENT)).isEqualTo(refused(Refusal.REUSED));
        assertThat(strict.rotate(current.value(), CLIENT)).isEqualTo(refused(Refusal.REUSED));
    }

    @Test
    void signOutEndsTheWholeFamily() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken current = issued(this.service.rotate(issued.value(), CLIENT));

        assertThat(this.service.signOut(current.value(), CLIENT)).contains(issued.sessionId());

        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).noneMatch(RefreshToken::isActive);
        assertThat(this.service.rotate(current.value(), CLIENT)).isEqualTo(refused(Refusal.SIGNED_OUT));
    }

    @Test
    void signOutOfAnUnknownTokenChangesNothing() {
        IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));

        assertThat(this.service.signOut("B".repeat(43), CLIENT)).isEmpty();
        assertThat(this.service.signOut(null, CLIENT)).isEmpty();

        assertThat(this.service.rotate(issued.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);
    }

    private static TokenGrant refused(Refusal reason) {
        return new TokenGrant.Refused(reason);
    }

    /**
     * The refresh rules with what they use of the other modules (the users' lock, the real token service) and the
     * refresh-token settings of these tests.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @Import({ UserAccounts.class, TokenService.class })
    static class Settings {

        static SessionProperties properties(Duration grace) {
            return properties(grace, MAX_SESSIONS);
        }

        static SessionProperties properties(Duration grace, int maxSessions) {
            return new SessionProperties(REFRESH_TTL, SESSION_MAX, grace, maxSessions);
        }

        /** The users' password encoder, which their service needs to be built; these tests set no password. */
        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

    }

}
