package dev.jwtflights.sessions;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.jwtflights.sessions.store.RefreshTokenRows;
import dev.jwtflights.system.Client;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.users.UserEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static dev.jwtflights.sessions.SessionsTestSupport.CLIENT;
import static dev.jwtflights.sessions.SessionsTestSupport.createUser;
import static dev.jwtflights.sessions.SessionsTestSupport.issued;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How sessions end other than by a refresh (the person, an administrator, a changed user, the per-user cap), how they
 * are listed, and what is published when they end. Against the real schema, with a clock the tests move.
 */
@DataJpaTest(properties = { "app.jwt.refresh-token-ttl=7d", "app.jwt.session-max-lifetime=30d",
        "app.jwt.refresh-reuse-grace=10s", "app.jwt.max-sessions-per-user=3" })
@Import({ RefreshTokenService.class, RefreshTokenRows.class, Sessions.class, SessionMeters.class,
        SimpleMeterRegistry.class, TestClockConfiguration.class, RefreshTokenServiceTests.Settings.class })
@RecordApplicationEvents
class SessionEndingTests {

    private static final Client ADMIN_DESK = new Client("198.51.100.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15");

    @Autowired
    private RefreshTokenService service;

    @Autowired
    private Sessions sessions;

    @Autowired
    private MutableClock clock;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationEvents events;

    @BeforeEach
    void createTheUsers() {
        createUser(this.jdbc, "secret");
        createUser(this.jdbc, "other");
    }

    @Test
    void startWhenTheUserHasTheMostSessionsAllowedThenTheirOldestEnds() {
        IssuedRefreshToken oldest = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofMinutes(1));
        IssuedRefreshToken second = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofMinutes(1));
        IssuedRefreshToken third = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofMinutes(1));

        IssuedRefreshToken fourth = issued(this.service.start("secret", CLIENT));

        assertThat(this.service.activeSessionsOf("secret")).extracting(ActiveSession::sessionId)
            .containsExactly(fourth.sessionId(), third.sessionId(), second.sessionId());
        assertThat(this.service.rotate(oldest.value(), CLIENT)).isEqualTo(new TokenGrant.Refused(Refusal.SESSION_LIMIT));
        assertThat(ended()).singleElement().satisfies((ended) -> {
            assertThat(ended.cause()).isEqualTo(EndCause.SESSION_LIMIT);
            assertThat(ended.sessionIds()).containsExactly(oldest.sessionId());
            assertThat(ended.username()).isEqualTo("secret");
        });
    }

    @Test
    void startWhenBelowTheLimitThenNothingEnds() {
        this.service.start("secret", CLIENT);
        this.service.start("secret", CLIENT);

        this.service.start("secret", CLIENT);

        assertThat(this.service.activeSessionsOf("secret")).hasSize(3);
        assertThat(ended()).isEmpty();
    }

    @Test
    void theLimitCountsOnlyActiveSessionsOfThatUser() {
        IssuedRefreshToken signedOut = issued(this.service.start("secret", CLIENT));
        this.service.signOut(signedOut.value(), CLIENT);
        this.service.start("other", CLIENT);
        this.service.start("secret", CLIENT);
        this.service.start("secret", CLIENT);

        this.service.start("secret", CLIENT);

        assertThat(this.service.activeSessionsOf("secret")).hasSize(3);
        assertThat(ended()).extracting(SessionEvent.Ended::cause).containsExactly(EndCause.LOGGED_OUT);
    }

    @Test
    void activeSessionsOfListsOneRowPerSessionNewestFirstWithItsLatestClient() {
        IssuedRefreshToken first = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofMinutes(5));
        IssuedRefreshToken second = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofMinutes(5));
        IssuedRefreshToken renewed = issued(this.service.rotate(first.value(), ADMIN_DESK));
        // Again within the grace, as a second tab does: still one session.
        this.service.rotate(first.value(), ADMIN_DESK);

        List<ActiveSession> active = this.service.activeSessionsOf("secret");

        assertThat(active).extracting(ActiveSession::sessionId).containsExactly(second.sessionId(), first.sessionId());
        ActiveSession firstSession = active.get(1);
        assertThat(firstSession.ipAddress()).isEqualTo(ADMIN_DESK.ipAddress());
        assertThat(firstSession.device()).isEqualTo("Safari on macOS");
        assertThat(firstSession.lastRenewedAt()).isEqualTo(this.clock.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(firstSession.expiresAt()).isAfter(firstSession.signedInAt());
        assertThat(active.get(0).lastRenewedAt()).isNull();
        assertThat(active.get(0).device()).isEqualTo("Firefox on Linux");
        assertThat(renewed.sessionId()).isEqualTo(first.sessionId());
    }

    @Test
    void activeSessionsLeaveOutEndedAndExpiredSessions() {
        IssuedRefreshToken signedOut = issued(this.service.start("secret", CLIENT));
        this.service.signOut(signedOut.value(), CLIENT);
        IssuedRefreshToken revokedInSql = issued(this.service.start("secret", CLIENT));
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE family_id = ?", revokedInSql.sessionId());
        this.service.start("secret", CLIENT);
        this.clock.advance(Duration.ofDays(8));
        IssuedRefreshToken current = issued(this.service.start("secret", CLIENT));

        assertThat(this.service.activeSessionsOf("secret")).extracting(ActiveSession::sessionId)
            .containsExactly(current.sessionId());
        assertThat(this.service.activeSessionCounts()).containsExactly(Map.entry("secret", 1L));
    }

    @Test
    void activeSessionsArePagedNewestFirstAndFilteredByUsername() {
        IssuedRefreshToken first = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofSeconds(1));
        IssuedRefreshToken second = issued(this.service.start("other", CLIENT));
        this.clock.advance(Duration.ofSeconds(1));
        IssuedRefreshToken third = issued(this.service.start("secret", CLIENT));

        Page<ActiveSession> firstPage = this.service.activeSessions(null, 0, 2);
        Page<ActiveSession> secondPage = this.service.activeSessions(null, 1, 2);
        Page<ActiveSession> secrets = this.service.activeSessions("secret", 0, 10);

        assertThat(firstPage.getTotalElements()).isEqualTo(3);
        assertThat(firstPage.getContent()).extracting(ActiveSession::sessionId)
            .containsExactly(third.sessionId(), second.sessionId());
        assertThat(secondPage.getContent()).extracting(ActiveSession::sessionId).containsExactly(first.sessionId());
        assertThat(secrets.getContent()).extracting(ActiveSession::sessionId)
            .containsExactly(third.sessionId(), first.sessionId());
        assertThat(this.service.activeSessionCounts()).containsExactly(Map.entry("other", 1L), Map.entry("secret", 2L));
    }

    @Test
    void signOutEverywhereWithAUsableRefreshTokenEndsEverySessionOfItsUser() {
        IssuedRefreshToken here = issued(this.service.start("secret", CLIENT));
        this.service.start("secret", CLIENT);
        IssuedRefreshToken others = issued(this.service.start("other", CLIENT));

        assertThat(this.service.signOutEverywhere(here.value(), CLIENT)).isTrue();

        assertThat(this.service.activeSessionsOf("secret")).isEmpty();
        assertThat(this.service.activeSessionsOf("other")).extracting(ActiveSession::sessionId)
            .containsExactly(others.sessionId());
        assertThat(ended()).singleElement().satisfies((event) -> {
            assertThat(event.cause()).isEqualTo(EndCause.LOGGED_OUT);
            assertThat(event.sessionIds()).hasSize(2);
        });
    }

    @Test
    void signOutEverywhereWithATokenThatNoLongerStandsForASessionEndsNothing() {
        IssuedRefreshToken rotated = issued(this.service.start("secret", CLIENT));
        this.service.rotate(rotated.value(), CLIENT);
        this.clock.advance(Duration.ofSeconds(11));
        IssuedRefreshToken signedOut = issued(this.service.start("secret", CLIENT));
        this.service.signOut(signedOut.value(), CLIENT);
        IssuedRefreshToken expired = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofDays(7));
        IssuedRefreshToken current = issued(this.service.start("secret", CLIENT));
        int before = this.service.activeSessionsOf("secret").size();

        assertThat(this.service.signOutEverywhere(rotated.value(), CLIENT)).isFalse();
        assertThat(this.service.signOutEverywhere(signedOut.value(), CLIENT)).isFalse();
        assertThat(this.service.signOutEverywhere(expired.value(), CLIENT)).isFalse();
        assertThat(this.service.signOutEverywhere("A".repeat(43), CLIENT)).isFalse();
        assertThat(this.service.signOutEverywhere(null, CLIENT)).isFalse();

        assertThat(this.service.activeSessionsOf("secret")).hasSize(before)
            .extracting(ActiveSession::sessionId)
            .contains(current.sessionId());
    }

    @Test
    void endSessionWhenItBelongsToTheOwnerThenItEndsWithItsCause() {
        IssuedRefreshToken phone = issued(this.service.start("secret", CLIENT));

        boolean ended = this.service.endSession(phone.sessionId(), "secret", EndCause.ENDED_BY_USER, null, ADMIN_DESK);

        assertThat(ended).isTrue();
        assertThat(this.service.rotate(phone.value(), CLIENT))
            .isEqualTo(new TokenGrant.Refused(Refusal.ENDED_ELSEWHERE));
        assertThat(this.jdbc.queryForObject("SELECT DISTINCT end_reason FROM refresh_token WHERE family_id = ?",
                String.class, phone.sessionId())).isEqualTo("ENDED_BY_USER");
        assertThat(ended()).singleElement().satisfies((event) -> {
            assertThat(event.cause()).isEqualTo(EndCause.ENDED_BY_USER);
            assertThat(event.client()).isEqualTo(ADMIN_DESK);
            assertThat(event.actor()).isNull();
        });
    }

    @Test
    void endSessionWhenItBelongsToSomeoneElseThenNothingEnds() {
        IssuedRefreshToken theirs = issued(this.service.start("other", CLIENT));

        boolean ended = this.service.endSession(theirs.sessionId(), "secret", EndCause.ENDED_BY_USER, null, CLIENT);

        assertThat(ended).isFalse();
        assertThat(this.service.activeSessionsOf("other")).hasSize(1);
        assertThat(ended()).isEmpty();
    }

    @Test
    void endSessionWhenUnknownOrAlreadyEndedThenFalse() {
        IssuedRefreshToken session = issued(this.service.start("secret", CLIENT));
        this.service.endSession(session.sessionId(), null, EndCause.ENDED_BY_ADMIN, "admin", CLIENT);

        assertThat(this.service.endSession(session.sessionId(), null, EndCause.ENDED_BY_ADMIN, "admin", CLIENT))
            .isFalse();
        assertThat(this.service.endSession("no-such-session", null, EndCause.ENDED_BY_ADMIN, "admin", CLIENT))
            .isFalse();
        assertThat(ended()).hasSize(1);
    }

    @Test
    void endAllOfKeepsTheGivenSessionAndEndsTheOthersInOneEvent() {
        IssuedRefreshToken current = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken second = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken third = issued(this.service.start("secret", CLIENT));

        List<String> ended = this.service.endAllOf("secret", current.sessionId(), EndCause.ENDED_BY_USER, null, CLIENT);

        assertThat(ended).containsExactlyInAnyOrder(second.sessionId(), third.sessionId());
        assertThat(this.service.activeSessionsOf("secret")).extracting(ActiveSession::sessionId)
            .containsExactly(current.sessionId());
        assertThat(ended()).singleElement()
            .satisfies((event) -> assertThat(event.sessionIds()).containsExactlyInAnyOrderElementsOf(ended));
    }

    @Test
    void endEveryoneEndsEverySessionOfEveryUserExceptTheOneKeptAndNamesTheAdministrator() {
        IssuedRefreshToken mine = issued(this.service.start("secret", CLIENT));
        this.service.start("secret", CLIENT);
        this.service.start("other", CLIENT);

        int ended = this.service.endEveryone(mine.sessionId(), "admin", CLIENT);

        assertThat(ended).isEqualTo(2);
        assertThat(this.service.activeSessions(null, 0, 10).getContent()).extracting(ActiveSession::sessionId)
            .containsExactly(mine.sessionId());
        assertThat(ended()).extracting(SessionEvent.Ended::username).containsExactly("other", "secret");
        assertThat(ended()).allSatisfy((event) -> {
            assertThat(event.cause()).isEqualTo(EndCause.ENDED_BY_ADMIN);
            assertThat(event.actor()).isEqualTo("admin");
        });
    }

    @Test
    void aDisabledUserLosesEverySessionAndAnEnabledOneNone() {
        IssuedRefreshToken session = issued(this.service.start("secret", CLIENT));

        this.sessions.onUserChange(new UserEvent.Enabled("secret", "admin", this.clock.instant(), ADMIN_DESK));
        assertThat(this.service.activeSessionsOf("secret")).hasSize(1);
        this.sessions.onUserChange(new UserEvent.Disabled("secret", "admin", this.clock.instant(), ADMIN_DESK));

        assertThat(this.service.activeSessionsOf("secret")).isEmpty();
        assertThat(this.service.rotate(session.value(), CLIENT))
            .isEqualTo(new TokenGrant.Refused(Refusal.USER_DISABLED));
        assertThat(ended()).singleElement().satisfies((event) -> {
            assertThat(event.cause()).isEqualTo(EndCause.USER_DISABLED);
            assertThat(event.actor()).isEqualTo("admin");
        });
    }

    @Test
    void aNewPasswordEndsEverySessionOfTheUser() {
        IssuedRefreshToken session = issued(this.service.start("secret", CLIENT));
        this.service.start("other", CLIENT);

        this.sessions.onUserChange(new UserEvent.PasswordSet("secret", "admin", this.clock.instant(), ADMIN_DESK));

        assertThat(this.service.rotate(session.value(), CLIENT))
            .isEqualTo(new TokenGrant.Refused(Refusal.PASSWORD_CHANGED));
        assertThat(this.service.activeSessionsOf("other")).hasSize(1);
    }

    @Test
    void endedSessionsIssuingSinceAreThoseWithARecentTokenAndARevokedOne() {
        IssuedRefreshToken endedLongAgo = issued(this.service.start("secret", CLIENT));
        this.service.signOut(endedLongAgo.value(), CLIENT);
        IssuedRefreshToken renewedLater = issued(this.service.start("secret", CLIENT));
        this.clock.advance(Duration.ofMinutes(10));
        IssuedRefreshToken recentActive = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken recentEnded = issued(this.service.start("secret", CLIENT));
        IssuedRefreshToken renewedTwice = issued(this.service.start("other", CLIENT));
        renewedTwice = issued(this.service.rotate(renewedTwice.value(), CLIENT));
        renewedTwice = issued(this.service.rotate(renewedTwice.value(), CLIENT));
        IssuedRefreshToken revokedButItsNewest = issued(this.service.start("other", CLIENT));
        IssuedRefreshToken newestMissed = issued(this.service.rotate(revokedButItsNewest.value(), CLIENT));
        this.service.rotate(renewedLater.value(), CLIENT);
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE family_id IN (?, ?)", recentEnded.sessionId(),
                renewedLater.sessionId());
        // An UPDATE typed in SQL that missed the token a rotation was adding meanwhile.
        this.jdbc.update("UPDATE refresh_token SET is_active = FALSE WHERE token_hash = ?",
                RefreshTokenService.hash(revokedButItsNewest.value()));

        List<String> ended = this.service.endedSessionsIssuingSince(this.clock.instant().minus(Duration.ofMinutes(1)));

        assertThat(ended)
            .containsExactlyInAnyOrder(recentEnded.sessionId(), renewedLater.sessionId(), newestMissed.sessionId())
            .doesNotContain(recentActive.sessionId(), renewedTwice.sessionId(), endedLongAgo.sessionId());
        assertThat(this.service.endedSessionsIssuingSince(this.clock.instant())).isEmpty();
    }

    private List<SessionEvent.Ended> ended() {
        return this.events.stream(SessionEvent.Ended.class).toList();
    }

}
