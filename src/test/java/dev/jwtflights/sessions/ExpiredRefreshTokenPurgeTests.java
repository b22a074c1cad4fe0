package dev.jwtflights.sessions;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.jwtflights.sessions.store.RefreshTokenRepository;
import dev.jwtflights.sessions.store.RefreshTokenRows;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.tokens.AccessToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.jwtflights.sessions.SessionsTestSupport.CLIENT;
import static dev.jwtflights.sessions.SessionsTestSupport.createUser;
import static dev.jwtflights.sessions.SessionsTestSupport.issued;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge of expired refresh-token rows.
 */
@DataJpaTest
@ExtendWith(OutputCaptureExtension.class)
@Import({ ExpiredRefreshTokenPurge.class, RefreshTokenService.class, RefreshTokenRows.class,
        TestClockConfiguration.class, RefreshTokenServiceTests.Settings.class })
class ExpiredRefreshTokenPurgeTests {

    @Autowired
    private ExpiredRefreshTokenPurge purge;

    @Autowired
    private RefreshTokenService service;

    @Autowired
    private RefreshTokenRepository refreshTokens;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void createTheUser() {
        createUser(this.jdbc, "secret");
    }

    @Test
    void purgeSaysWhatItDeletedAndIsSilentWhenNothingWas(CapturedOutput output) {
        issued(this.service.start("secret", CLIENT));

        assertThat(this.purge.purge()).isZero();
        assertThat(output).doesNotContain("Purged");

        this.clock.advance(
                RefreshTokenServiceTests.REFRESH_TTL.plus(ExpiredRefreshTokenPurge.RETENTION).plusSeconds(1));
        assertThat(this.purge.purge()).isOne();
        assertThat(output).contains("Purged 1 refresh tokens of sessions that ended before");
    }

    @Test
    void purgeDeletesOnlyRowsExpiredLongerThanTheRetention() {
        IssuedRefreshToken old = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofDays(2));
        IssuedRefreshToken recent = issued(this.service.start("secret", CLIENT));
        this.clock.advance(RefreshTokenServiceTests.REFRESH_TTL);

        int deleted = this.purge.purge();

        assertThat(deleted).isEqualTo(1);
        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(old.sessionId())).isEmpty();
        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(recent.sessionId())).hasSize(1);
    }

    @Test
    void purgeKeepsEveryRowOfASessionThatIsStillAlive() {
        IssuedRefreshToken current = issued(this.service.start("secret", CLIENT));
        for (int i = 0; i < 3; i++) {
            this.clock.advance(Duration.ofDays(6));
            current = issued(this.service.rotate(current.value(), CLIENT));
        }

        // The first two tokens expired 11 and 5 days ago, but the session lives on.
        assertThat(this.purge.purge()).isZero();

        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(current.sessionId())).hasSize(4);
        AccessToken access = new AccessToken("unused", "0123456789", "secret", current.sessionId(), List.of("USER"),
                this.clock.instant(), this.clock.instant().plusSeconds(60));
        assertThat(this.service.describe(access).renewals()).isEqualTo(3);
        assertThat(this.service.rotate(current.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);
    }

    @Test
    void purgeDeletesEveryRowOfASessionWhoseLastTokenExpiredLongerThanTheRetentionAgo() {
        IssuedRefreshToken current = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofDays(6));
        current = issued(this.service.rotate(current.value(), CLIENT));
        Duration pastItsEnd = RefreshTokenServiceTests.REFRESH_TTL.plus(ExpiredRefreshTokenPurge.RETENTION);
        this.clock.advance(pastItsEnd.plusSeconds(1));

        assertThat(this.purge.purge()).isEqualTo(2);

        assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(current.sessionId())).isEmpty();
    }

}
