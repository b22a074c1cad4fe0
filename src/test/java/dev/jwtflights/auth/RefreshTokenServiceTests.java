package dev.jwtflights.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.jwtflights.system.MutableClock;
import dev.jwtflights.system.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh rules against the real schema, with a clock the tests move.
 */
@DataJpaTest
@Import({ RefreshTokenService.class, TestClockConfiguration.class, RefreshTokenServiceTests.Settings.class })
@ExtendWith(OutputCaptureExtension.class)
class RefreshTokenServiceTests {

    static final Duration REFRESH_TTL = Duration.ofDays(7);

    static final Duration SESSION_MAX = Duration.ofDays(30);

    static final Duration GRACE = Duration.ofSeconds(10);

    @Autowired
    private RefreshTokenService service;

    @Autowired
    private RefreshTokenRepository tokens;

    @Autowired
    private AppUserRepository users;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TestEntityManager entityManager;

    @BeforeEach
    void createUser() {
        this.users.save(new AppUser("secret", "{noop}not-used-here", Role.USER));
    }

    @Test
    void startSessionStoresOnlyTheHashOfAFreshRandomToken() {
        IssuedRefreshToken issued = this.service.startSession("secret");

        assertThat(issued.value()).matches("[A-Za-z0-9_-]{43}");
        RefreshToken row = this.tokens.findByTokenHash(RefreshTokenService.hash(issued.value())).orElseThrow();
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
    void startSessionTwiceGivesTwoFamiliesAndTwoTokens() {
        IssuedRefreshToken first = this.service.startSession("secret");
        IssuedRefreshToken second = this.service.startSession("secret");

        assertThat(first.value()).isNotEqualTo(second.value());
        assertThat(first.sessionId()).isNotEqualTo(second.sessionId());
    }

    @Test
    void rotateMarksTheOldTokenUsedAndAddsANewOneToTheFamily() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        this.clock.advance(Duration.ofMinutes(5));

        RefreshOutcome.Rotated rotated = rotated(this.service.rotate(issued.value()));

        assertThat(rotated.user().getUsername()).isEqualTo("secret");
        assertThat(rotated.token().value()).isNotEqualTo(issued.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(rotated.token().sessionId()).isEqualTo(issued.sessionId());
        List<RefreshToken> family = this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId());
        assertThat(family).hasSize(2);
        assertThat(family.get(0).getUsedAt()).isEqualTo(this.clock.instant());
        assertThat(family.get(1).getUsedAt()).isNull();
        assertThat(family).allMatch(RefreshToken::isActive);
    }

    @Test
    void rotateSlidesTheExpiryForward() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        this.clock.advance(Duration.ofDays(6));

        RefreshOutcome.Rotated rotated = rotated(this.service.rotate(issued.value()));

        assertThat(rotated.token().expiresAt()).isEqualTo(this.clock.instant().plus(REFRESH_TTL));
    }

    @Test
    void rotateNeverExtendsPastTheSessionMaximumLifetime() {
        Instant login = this.clock.instant();
        IssuedRefreshToken current = this.service.startSession("secret");
        for (int i = 0; i < 4; i++) {
            this.clock.advance(Duration.ofDays(6));
            current = rotated(this.service.rotate(current.value())).token();
        }
        assertThat(this.clock.instant()).isEqualTo(login.plus(Duration.ofDays(24)));
        this.clock.advance(Duration.ofDays(5));

        current = rotated(this.service.rotate(current.value())).token();

        assertThat(current.expiresAt()).isEqualTo(login.plus(SESSION_MAX));
        this.clock.set(login.plus(SESSION_MAX));
        assertThat(this.service.rotate(current.value())).isEqualTo(refused(RefreshFailure.EXPIRED));
    }

    @Test
    void rotateWhenNoTokenThenMissing() {
        assertThat(this.service.rotate(null)).isEqualTo(refused(RefreshFailure.MISSING));
        assertThat(this.service.rotate("")).isEqualTo(refused(RefreshFailure.MISSING));
    }

    @Test
    void rotateWhenForgedThenUnknown() {
        this.service.startSession("secret");

        assertThat(this.service.rotate("A".repeat(43))).isEqualTo(refused(RefreshFailure.UNKNOWN));
    }

    @Test
    void rotateWhenMalformedThenUnknown() {
        assertThat(this.service.rotate("' OR 1=1 --")).isEqualTo(refused(RefreshFailure.UNKNOWN));
        assertThat(this.service.rotate("x".repeat(5000))).isEqualTo(refused(RefreshFailure.UNKNOWN));
    }

    @Test
    void rotateWhenTheStoredHashIsPresentedThenUnknown() {
        IssuedRefreshToken issued = this.service.startSession("secret");

        assertThat(this.service.rotate(RefreshTokenService.hash(issued.value())))
            .isEqualTo(refused(RefreshFailure.UNKNOWN));
    }

    @Test
    void rotateWhenRevokedBySqlThenRevoked() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret'");
        this.entityManager.clear();

        assertThat(this.service.rotate(issued.value())).isEqualTo(refused(RefreshFailure.REVOKED));
    }

    @Test
    void rotateWhenARotatedTokenOfARevokedSessionIsPresentedWithinTheGraceThenRevoked() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        rotated(this.service.rotate(issued.value()));
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE username = 'secret'");
        this.entityManager.clear();

        assertThat(this.service.rotate(issued.value())).isEqualTo(refused(RefreshFailure.REVOKED));
        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
            .noneMatch(RefreshToken::isActive);
    }

    @Test
    void rotateWhenAnotherTokenOfTheSessionWasRevokedThenTheWholeSessionIsRevoked() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        IssuedRefreshToken current = rotated(this.service.rotate(issued.value())).token();
        // As an admin's UPDATE that ran while the second token was being added, and missed it.
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE token_hash = ?",
                RefreshTokenService.hash(issued.value()));
        this.entityManager.clear();

        assertThat(this.service.rotate(current.value())).isEqualTo(refused(RefreshFailure.REVOKED));
        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
            .noneMatch(RefreshToken::isActive);
    }

    @Test
    void rotateCountsGenerationsFromTheLogin() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        IssuedRefreshToken second = rotated(this.service.rotate(issued.value())).token();
        rotated(this.service.rotate(second.value()));

        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).extracting(RefreshToken::getGeneration)
            .containsExactly(0, 1, 2);
    }

    @Test
    void rotateWhenExpiredThenExpired() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        this.clock.advance(REFRESH_TTL);

        assertThat(this.service.rotate(issued.value())).isEqualTo(refused(RefreshFailure.EXPIRED));
    }

    @Test
    void rotateJustBeforeExpiryThenRotated() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        this.clock.advance(REFRESH_TTL.minusSeconds(1));

        assertThat(this.service.rotate(issued.value())).isInstanceOf(RefreshOutcome.Rotated.class);
    }

    @Test
    void rotateWhenUserDisabledThenUserDisabled() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = 'secret'");
        this.entityManager.clear();

        assertThat(this.service.rotate(issued.value())).isEqualTo(refused(RefreshFailure.USER_DISABLED));
    }

    @Test
    void rotateWhenUserDeletedThenUserDisabled() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        this.jdbc.update("DELETE FROM app_user WHERE username = 'secret'");

        assertThat(this.service.rotate(issued.value())).isEqualTo(refused(RefreshFailure.USER_DISABLED));
    }

    @Test
    void rotateWhenTokenReplayedAfterTheGraceThenFamilyRevoked(CapturedOutput output) {
        IssuedRefreshToken stolen = this.service.startSession("secret");
        IssuedRefreshToken current = rotated(this.service.rotate(stolen.value())).token();
        this.clock.advance(GRACE);

        assertThat(this.service.rotate(stolen.value())).isEqualTo(refused(RefreshFailure.REUSED));

        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(stolen.sessionId())).hasSize(2)
            .noneMatch(RefreshToken::isActive);
        assertThat(this.service.rotate(current.value())).isEqualTo(refused(RefreshFailure.REVOKED));
        assertThat(output).contains("WARN").contains("reuse detected for user 'secret' session " + stolen.sessionId());
        assertThat(output).doesNotContain(stolen.value()).doesNotContain(RefreshTokenService.hash(stolen.value()));
    }

    @Test
    void rotateWhenTokenReplayedThenOtherSessionsOfTheUserStayActive() {
        IssuedRefreshToken stolen = this.service.startSession("secret");
        IssuedRefreshToken otherDevice = this.service.startSession("secret");
        rotated(this.service.rotate(stolen.value()));
        this.clock.advance(GRACE);

        this.service.rotate(stolen.value());

        assertThat(this.service.rotate(otherDevice.value())).isInstanceOf(RefreshOutcome.Rotated.class);
    }

    @Test
    void rotateWhenTokenPresentedAgainWithinTheGraceThenRotatedAgain() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        IssuedRefreshToken firstTab = rotated(this.service.rotate(issued.value())).token();
        this.clock.advance(GRACE.minusSeconds(1));

        IssuedRefreshToken secondTab = rotated(this.service.rotate(issued.value())).token();

        assertThat(secondTab.value()).isNotEqualTo(firstTab.value());
        assertThat(secondTab.sessionId()).isEqualTo(issued.sessionId());
        assertThat(this.service.rotate(firstTab.value())).isInstanceOf(RefreshOutcome.Rotated.class);
        assertThat(this.service.rotate(secondTab.value())).isInstanceOf(RefreshOutcome.Rotated.class);
    }

    @Test
    void rotateWhenGraceIsZeroThenAnImmediateReplayRevokesTheFamily() {
        RefreshTokenService strict = new RefreshTokenService(this.tokens, this.users,
                Settings.properties(Duration.ZERO), this.clock);
        IssuedRefreshToken issued = strict.startSession("secret");
        IssuedRefreshToken current = rotated(strict.rotate(issued.value())).token();

        assertThat(strict.rotate(issued.value())).isEqualTo(refused(RefreshFailure.REUSED));
        assertThat(strict.rotate(current.value())).isEqualTo(refused(RefreshFailure.REVOKED));
    }

    @Test
    void revokeSessionOfRevokesTheWholeFamily() {
        IssuedRefreshToken issued = this.service.startSession("secret");
        IssuedRefreshToken current = rotated(this.service.rotate(issued.value())).token();

        assertThat(this.service.revokeSessionOf(current.value())).contains(issued.sessionId());

        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).noneMatch(RefreshToken::isActive);
        assertThat(this.service.rotate(current.value())).isEqualTo(refused(RefreshFailure.REVOKED));
    }

    @Test
    void revokeSessionOfAnUnknownTokenChangesNothing() {
        IssuedRefreshToken issued = this.service.startSession("secret");

        assertThat(this.service.revokeSessionOf("B".repeat(43))).isEmpty();
        assertThat(this.service.revokeSessionOf(null)).isEmpty();

        assertThat(this.service.rotate(issued.value())).isInstanceOf(RefreshOutcome.Rotated.class);
    }

    private static RefreshOutcome.Rotated rotated(RefreshOutcome outcome) {
        assertThat(outcome).isInstanceOf(RefreshOutcome.Rotated.class);
        return (RefreshOutcome.Rotated) outcome;
    }

    private static RefreshOutcome refused(RefreshFailure reason) {
        return new RefreshOutcome.Refused(reason);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Settings {

        static JwtProperties properties(Duration grace) {
            return new JwtProperties("test-secret-that-is-long-enough-for-hs256!", "jwt-flights", "jwt-flights",
                    Duration.ofMinutes(1), REFRESH_TTL, SESSION_MAX, grace, Duration.ZERO);
        }

        @Bean
        JwtProperties jwtProperties() {
            return properties(GRACE);
        }

    }

}
