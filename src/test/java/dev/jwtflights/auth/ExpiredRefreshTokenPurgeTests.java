package dev.jwtflights.auth;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jwtflights.system.MutableClock;
import dev.jwtflights.system.TestClockConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purge of expired refresh-token rows.
 */
@DataJpaTest
@Import({ ExpiredRefreshTokenPurge.class, RefreshTokenService.class, TestClockConfiguration.class,
        RefreshTokenServiceTests.Settings.class })
class ExpiredRefreshTokenPurgeTests {

    @Autowired
    private ExpiredRefreshTokenPurge purge;

    @Autowired
    private RefreshTokenService service;

    @Autowired
    private RefreshTokenRepository tokens;

    @Autowired
    private AppUserRepository users;

    @Autowired
    private MutableClock clock;

    @BeforeEach
    void createUser() {
        this.users.save(new AppUser("secret", "{noop}not-used-here", Role.USER));
    }

    @Test
    void purgeDeletesOnlyRowsExpiredLongerThanTheRetention() {
        IssuedRefreshToken old = this.service.startSession("secret");
        this.clock.advance(Duration.ofDays(2));
        IssuedRefreshToken recent = this.service.startSession("secret");
        this.clock.advance(RefreshTokenServiceTests.REFRESH_TTL);

        int deleted = this.purge.purge();

        assertThat(deleted).isEqualTo(1);
        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(old.sessionId())).isEmpty();
        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(recent.sessionId())).hasSize(1);
    }

    @Test
    void purgeKeepsEveryRowOfASessionThatIsStillAlive() {
        IssuedRefreshToken current = this.service.startSession("secret");
        for (int i = 0; i < 3; i++) {
            this.clock.advance(Duration.ofDays(6));
            current = ((RefreshOutcome.Rotated) this.service.rotate(current.value())).token();
        }

        // The first two tokens expired 11 and 5 days ago, but the session lives on.
        assertThat(this.purge.purge()).isZero();

        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(current.sessionId())).hasSize(4);
        AccessToken access = new AccessToken("unused", "0123456789", "secret", current.sessionId(), List.of("USER"),
                this.clock.instant(), this.clock.instant().plusSeconds(60));
        assertThat(this.service.describe(access).renewals()).isEqualTo(3);
        assertThat(this.service.rotate(current.value())).isInstanceOf(RefreshOutcome.Rotated.class);
    }

    @Test
    void purgeDeletesEveryRowOfASessionWhoseLastTokenExpiredLongerThanTheRetentionAgo() {
        IssuedRefreshToken current = this.service.startSession("secret");
        this.clock.advance(Duration.ofDays(6));
        current = ((RefreshOutcome.Rotated) this.service.rotate(current.value())).token();
        Duration pastItsEnd = RefreshTokenServiceTests.REFRESH_TTL.plus(ExpiredRefreshTokenPurge.RETENTION);
        this.clock.advance(pastItsEnd.plusSeconds(1));

        assertThat(this.purge.purge()).isEqualTo(2);

        assertThat(this.tokens.findByFamilyIdOrderByIdAsc(current.sessionId())).isEmpty();
    }

}
