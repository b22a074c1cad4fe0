package dev.jwtflights.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import dev.jwtflights.sessions.EndCause;
import dev.jwtflights.sessions.SessionEvent;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.system.Client;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.tokens.TestTokenServices;
import dev.jwtflights.tokens.TokenService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * The revocation view on its own: what it reads from the database, what it learns from events, what it forgets, and
 * how it keeps going when a reading fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class EndedSessionsTests {

    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final MutableClock clock = MutableClock.startingNow();

    private final TokenService tokens = TestTokenServices.create("a-test-secret-of-more-than-32-bytes!!", this.clock);

    private final Sessions sessions = mock(Sessions.class);

    private final TaskScheduler scheduler = mock(TaskScheduler.class);

    private final EndedSessions view = new EndedSessions(this.sessions, this.tokens, this.scheduler,
            new RevocationProperties(INTERVAL), this.clock);

    /** An access token's lifetime in these tests (one minute, no skew) plus the margin. */
    private final Duration remembered = this.tokens.maxAcceptedAge().plus(EndedSessions.MARGIN);

    @Test
    void refreshAsksForTheSessionsThatIssuedATokenWithinAnAccessTokenLifetimeAndTheMargin() {
        given(this.sessions.endedSessionsIssuingSince(this.clock.instant().minus(this.remembered)))
            .willReturn(List.of("ended-1", "ended-2"));

        this.view.refresh();

        assertThat(this.view.contains("ended-1")).isTrue();
        assertThat(this.view.contains("ended-2")).isTrue();
        assertThat(this.view.contains("active")).isFalse();
    }

    @Test
    void refreshReplacesTheWholeViewOfTheDatabase() {
        given(this.sessions.endedSessionsIssuingSince(any())).willReturn(List.of("old"), List.of("new"));
        this.view.refresh();

        this.view.refresh();

        assertThat(this.view.contains("old")).isFalse();
        assertThat(this.view.contains("new")).isTrue();
    }

    @Test
    void aSessionEndedHereIsContainedBeforeAnyReadingAndForgottenAfterTheLifetimeAndMargin() {
        given(this.sessions.endedSessionsIssuingSince(any())).willReturn(List.of());
        this.view.onEnded(ended("mine", "other"));
        assertThat(this.view.contains("mine")).isTrue();
        assertThat(this.view.contains("other")).isTrue();

        this.clock.advance(this.remembered.minusSeconds(1));
        this.view.refresh();
        assertThat(this.view.contains("mine")).as("still remembered").isTrue();

        this.clock.advance(Duration.ofSeconds(1));
        this.view.refresh();
        assertThat(this.view.contains("mine")).isFalse();
        assertThat(this.view.contains("other")).isFalse();
    }

    @Test
    void startReadsTheViewAtOnceThenSchedulesAReadingEveryInterval() {
        given(this.sessions.endedSessionsIssuingSince(any())).willReturn(List.of("ended-1"));
        ScheduledFuture<?> future = mock(ScheduledFuture.class);
        given(this.scheduler.getClock()).willReturn(this.clock);
        willReturnFuture(future);

        this.view.start();

        assertThat(this.view.contains("ended-1")).isTrue();
        assertThat(this.view.isRunning()).isTrue();
        then(this.scheduler).should()
            .scheduleWithFixedDelay(any(Runnable.class), eq(this.clock.instant().plus(INTERVAL)), eq(INTERVAL));

        this.view.stop();

        then(future).should().cancel(false);
        assertThat(this.view.isRunning()).isFalse();
    }

    @Test
    void aScheduledReadingThatFailsKeepsTheLastViewAndIsLogged(CapturedOutput output) {
        given(this.sessions.endedSessionsIssuingSince(any())).willReturn(List.of("ended-1"))
            .willThrow(new DataAccessResourceFailureException("database down"))
            .willReturn(List.of("ended-2"));
        given(this.scheduler.getClock()).willReturn(this.clock);
        willReturnFuture(mock(ScheduledFuture.class));
        this.view.start();
        Runnable reading = scheduledReading();

        reading.run();

        assertThat(this.view.contains("ended-1")).isTrue();
        assertThat(output).contains("Could not read the ended sessions from the database "
                + "(DataAccessResourceFailureException); keeping the last view");

        reading.run();

        assertThat(this.view.contains("ended-1")).isFalse();
        assertThat(this.view.contains("ended-2")).isTrue();
    }

    @Test
    void itStartsBeforeTheWebServerTakesRequests() {
        // The web server starts 1024 phases below its graceful shutdown.
        assertThat(this.view.getPhase())
            .isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024);
    }

    private SessionEvent.Ended ended(String... sessionIds) {
        return new SessionEvent.Ended("secret", List.of(sessionIds), EndCause.LOGGED_OUT, null, this.clock.instant(),
                Client.UNKNOWN);
    }

    @SuppressWarnings("unchecked")
    private void willReturnFuture(ScheduledFuture<?> future) {
        given(this.scheduler.scheduleWithFixedDelay(any(Runnable.class), any(Instant.class), any(Duration.class)))
            .willReturn((ScheduledFuture) future);
    }

    private Runnable scheduledReading() {
        ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
        then(this.scheduler).should().scheduleWithFixedDelay(task.capture(), any(Instant.class), any(Duration.class));
        return task.getValue();
    }

}
