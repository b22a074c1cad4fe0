package dev.jwtflights.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jwtflights.sessions.store.RefreshTokenRows;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.tokens.AccessToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.jwtflights.sessions.SessionsTestSupport.CLIENT;
import static dev.jwtflights.sessions.SessionsTestSupport.createUser;
import static dev.jwtflights.sessions.SessionsTestSupport.issued;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session panel's lookup, {@link RefreshTokenService#describe}: when the session ends and how often it was
 * renewed, read from the refresh-token family.
 */
@DataJpaTest(properties = { "app.jwt.refresh-token-ttl=7d", "app.jwt.session-max-lifetime=30d",
        "app.jwt.access-token-ttl=1m" })
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import({ RefreshTokenService.class, RefreshTokenRows.class, TestClockConfiguration.class,
        RefreshTokenServiceTests.Settings.class })
class SessionInfoTests {

    @Autowired
    private RefreshTokenService refreshTokens;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void secretExists() {
        createUser(this.jdbc, "secret");
    }

    @Test
    void describeWhenSessionJustStartedThenNotRenewedAndEndsOneRefreshLifetimeLater() {
        Instant login = this.clock.instant();
        IssuedRefreshToken refresh = issued(this.refreshTokens.start("secret", CLIENT));
        AccessToken access = accessToken(refresh.sessionId());

        SessionInfo info = this.refreshTokens.describe(access);

        assertThat(info.renewals()).isZero();
        assertThat(info.sessionExpiresAt()).isEqualTo(login.plus(Duration.ofDays(7)));
        assertThat(info.sessionActive()).isTrue();
        assertThat(info.shortTokenId()).hasSize(8).isEqualTo(access.id().substring(0, 8));
        assertThat(info.accessTokenExpiresAt()).isEqualTo(access.expiresAt());
        assertThat(info.accessTokenSecondsLeft()).isEqualTo(60);
        assertThat(info.now()).isEqualTo(login);
    }

    @Test
    void describeWhenRenewedTwiceThenRenewedTwiceAndEndSlidesForward() {
        IssuedRefreshToken refresh = issued(this.refreshTokens.start("secret", CLIENT));
        this.clock.advance(Duration.ofHours(1));
        refresh = rotated(refresh);
        this.clock.advance(Duration.ofHours(1));
        refresh = rotated(refresh);

        SessionInfo info = this.refreshTokens.describe(accessToken(refresh.sessionId()));

        assertThat(info.renewals()).isEqualTo(2);
        assertThat(info.sessionExpiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofDays(7)))
            .isEqualTo(refresh.expiresAt());
    }

    @Test
    void describeWhenNearSessionMaxLifetimeThenEndCappedAtMaxLifetime() {
        Instant login = this.clock.instant();
        IssuedRefreshToken refresh = issued(this.refreshTokens.start("secret", CLIENT));
        for (int day : new int[] { 6, 12, 18, 24, 29 }) {
            this.clock.set(login.plus(Duration.ofDays(day)));
            refresh = rotated(refresh);
        }

        SessionInfo info = this.refreshTokens.describe(accessToken(refresh.sessionId()));

        assertThat(info.sessionExpiresAt()).isEqualTo(login.plus(Duration.ofDays(30)));
        assertThat(info.renewals()).isEqualTo(5);
    }

    @Test
    void describeWhenSessionRevokedThenSessionEnded() {
        IssuedRefreshToken refresh = issued(this.refreshTokens.start("secret", CLIENT));
        this.refreshTokens.endSession(refresh.sessionId(), "secret", EndCause.LOGGED_OUT, null, CLIENT);

        SessionInfo info = this.refreshTokens.describe(accessToken(refresh.sessionId()));

        assertThat(info.sessionExpiresAt()).isNull();
        assertThat(info.sessionActive()).isFalse();
    }

    @Test
    void describeWhenAccessTokenExpiredThenNoSecondsLeft() {
        IssuedRefreshToken refresh = issued(this.refreshTokens.start("secret", CLIENT));
        AccessToken access = accessToken(refresh.sessionId());
        this.clock.advance(Duration.ofMinutes(2));

        assertThat(this.refreshTokens.describe(access).accessTokenSecondsLeft()).isZero();
    }

    @Test
    void describeWhenAnotherUsersSessionIdThenNothingOfItIsShown() {
        IssuedRefreshToken refresh = issued(this.refreshTokens.start("secret", CLIENT));
        AccessToken forged = new AccessToken("unused", UUID.randomUUID().toString(), "admin", refresh.sessionId(),
                List.of("ADMIN"), this.clock.instant(), this.clock.instant().plusSeconds(60));

        SessionInfo info = this.refreshTokens.describe(forged);

        assertThat(info.sessionActive()).isFalse();
        assertThat(info.renewals()).isZero();
    }

    private IssuedRefreshToken rotated(IssuedRefreshToken refresh) {
        TokenGrant outcome = this.refreshTokens.rotate(refresh.value(), CLIENT);
        assertThat(outcome).isInstanceOf(TokenGrant.Granted.class);
        return ((TokenGrant.Granted) outcome).tokens().refresh();
    }

    /** An access token as the token service would issue it now; its value is never looked at here. */
    private AccessToken accessToken(String sessionId) {
        Instant now = this.clock.instant();
        return new AccessToken("unused", UUID.randomUUID().toString(), "secret", sessionId, List.of("USER"), now,
                now.plus(Duration.ofMinutes(1)));
    }

}
