package dev.jwtflights.sessions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.jwtflights.sessions.store.RefreshToken;
import dev.jwtflights.sessions.store.RefreshTokenRepository;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.jwtflights.sessions.SessionsTestSupport.CLIENT;
import static dev.jwtflights.sessions.SessionsTestSupport.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many threads present one refresh token at the same moment, each in its own transaction, as browsers do.
 */
class RefreshTokenConcurrencyIntegrationTests {

    static final int THREADS = 16;

    /** Presents the token from every thread at once; each thread's outcome, or the exception it threw. */
    static List<Object> rotateConcurrently(RefreshTokenService service, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TokenGrant>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<TokenGrant> task = () -> {
                    ready.countDown();
                    go.await();
                    return service.rotate(token, CLIENT);
                };
                futures.add(pool.submit(task));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<TokenGrant> future : futures) {
                try {
                    outcomes.add(future.get(60, TimeUnit.SECONDS));
                }
                catch (java.util.concurrent.ExecutionException ex) {
                    outcomes.add(ex.getCause());
                }
            }
            return outcomes;
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Nested
    @SpringBootTest(properties = "app.jwt.refresh-reuse-grace=0s")
    class WithoutGrace {

        @Autowired
        private RefreshTokenService service;

        @Autowired
        private RefreshTokenRepository refreshTokens;

        @Test
        void concurrentRefreshesWithOneTokenThenExactlyOneWinsAndNoneFails() throws Exception {
            IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));

            List<Object> outcomes = rotateConcurrently(this.service, issued.value());

            assertThat(outcomes).hasSize(THREADS).allMatch(TokenGrant.class::isInstance);
            assertThat(outcomes).filteredOn(TokenGrant.Granted.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(TokenGrant.Refused.class::isInstance)
                .hasSize(THREADS - 1)
                .allSatisfy((outcome) -> assertThat(((TokenGrant.Refused) outcome).reason()).isEqualTo(Refusal.REUSED));
            // Without a grace, the losers' second use of the token is a replay: the whole session ends, the
            // winner's new token included.
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
                .noneMatch(RefreshToken::isActive);
        }

    }

    @Nested
    @SpringBootTest(properties = "app.jwt.refresh-reuse-grace=10s")
    class AgainstARevocation {

        @Autowired
        private RefreshTokenService service;

        @Autowired
        private RefreshTokenRepository refreshTokens;

        @Autowired
        private PlatformTransactionManager transactionManager;

        @Test
        void rotationDuringARevocationWaitsForItAndIsRefused() throws Exception {
            IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));
            IssuedRefreshToken current = issued(this.service.rotate(issued.value(), CLIENT));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
                Future<TokenGrant> rotation = transaction.execute((status) -> {
                    // A revocation in flight, not yet committed, while a rotation of the current token starts.
                    assertThat(this.service.endSession(issued.sessionId(), "secret", EndCause.LOGGED_OUT, null,
                            CLIENT)).isTrue();
                    AtomicReference<Thread> rotating = new AtomicReference<>();
                    Future<TokenGrant> started = pool.submit(() -> {
                        rotating.set(Thread.currentThread());
                        return this.service.rotate(current.value(), CLIENT);
                    });
                    await().atMost(Duration.ofSeconds(10)).until(() -> waitsInTheDatabase(rotating.get()));
                    return started;
                });

                assertThat(rotation.get(30, TimeUnit.SECONDS))
                    .isEqualTo(new TokenGrant.Refused(Refusal.SIGNED_OUT));
                assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
                    .noneMatch(RefreshToken::isActive);
            }
            finally {
                pool.shutdownNow();
            }
        }

        @Test
        void revocationDuringARotationWaitsForItAndRevokesTheNewTokenToo() throws Exception {
            IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));

            boolean ended = duringARotationOf(issued, () -> this.service.endSession(issued.sessionId(), "secret",
                    EndCause.LOGGED_OUT, null, CLIENT));

            assertThat(ended).isTrue();
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
                .noneMatch(RefreshToken::isActive);
        }

        @Test
        void rotationOfAnotherSessionOfTheSameUserIsNotHeldUp() throws Exception {
            IssuedRefreshToken first = issued(this.service.start("secret", CLIENT));
            IssuedRefreshToken second = issued(this.service.start("secret", CLIENT));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
                transaction.executeWithoutResult((status) -> {
                    // A rotation of the first session in flight: it holds that session's lock until it commits.
                    assertThat(this.service.rotate(first.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);
                    Future<TokenGrant> other = pool.submit(() -> this.service.rotate(second.value(), CLIENT));
                    try {
                        assertThat(other.get(10, TimeUnit.SECONDS)).isInstanceOf(TokenGrant.Granted.class);
                    }
                    catch (Exception ex) {
                        throw new AssertionError("the other session's rotation did not finish on its own", ex);
                    }
                    assertThat(status.isCompleted()).isFalse();
                });
            }
            finally {
                pool.shutdownNow();
            }
        }

        @Test
        void revocationOfEverySessionDuringARotationWaitsForItAndRevokesTheNewTokenToo() throws Exception {
            IssuedRefreshToken rotating = issued(this.service.start("secret", CLIENT));
            IssuedRefreshToken other = issued(this.service.start("secret", CLIENT));

            List<String> ended = duringARotationOf(rotating,
                    () -> this.service.endAllOf("secret", null, EndCause.ENDED_BY_ADMIN, "admin", CLIENT));

            assertThat(ended).contains(rotating.sessionId(), other.sessionId());
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(rotating.sessionId())).hasSize(2)
                .noneMatch(RefreshToken::isActive);
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(other.sessionId()))
                .noneMatch(RefreshToken::isActive);
        }

        /**
         * Rotates the token in a transaction and, before that commits, starts the revocation on another thread, which
         * must wait in the database until the rotation has committed.
         * @return what the revocation returned
         */
        private <T> T duringARotationOf(IssuedRefreshToken token, Callable<T> revocation) throws Exception {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
                Future<T> revoked = transaction.execute((status) -> {
                    // A rotation in flight: its new token is inserted but not yet committed.
                    assertThat(this.service.rotate(token.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);
                    AtomicReference<Thread> revoking = new AtomicReference<>();
                    Future<T> started = pool.submit(() -> {
                        revoking.set(Thread.currentThread());
                        return revocation.call();
                    });
                    await().atMost(Duration.ofSeconds(10)).until(() -> waitsInTheDatabase(revoking.get()));
                    return started;
                });
                return revoked.get(30, TimeUnit.SECONDS);
            }
            finally {
                pool.shutdownNow();
            }
        }

        private static boolean waitsInTheDatabase(Thread thread) {
            if (thread == null || (thread.getState() != Thread.State.WAITING
                    && thread.getState() != Thread.State.TIMED_WAITING)) {
                return false;
            }
            return Arrays.stream(thread.getStackTrace())
                .anyMatch((frame) -> frame.getClassName().startsWith("org.h2."));
        }

    }

    @Nested
    @SpringBootTest(properties = "app.jwt.refresh-reuse-grace=10s")
    class WithinGrace {

        @Autowired
        private RefreshTokenService service;

        @Autowired
        private RefreshTokenRepository refreshTokens;

        @Test
        void concurrentRefreshesWithOneTokenThenAllWinWithTokensOfTheSameSession() throws Exception {
            IssuedRefreshToken issued = issued(this.service.start("secret", CLIENT));

            List<Object> outcomes = rotateConcurrently(this.service, issued.value());

            assertThat(outcomes).hasSize(THREADS).allMatch(TokenGrant.Granted.class::isInstance);
            assertThat(outcomes.stream().map((outcome) -> ((TokenGrant.Granted) outcome).tokens().refresh().value()))
                .doesNotHaveDuplicates();
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(THREADS + 1)
                .allMatch(RefreshToken::isActive);
        }

    }

}
