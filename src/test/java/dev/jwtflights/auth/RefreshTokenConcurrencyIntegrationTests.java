package dev.jwtflights.auth;

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

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
            List<Future<RefreshOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<RefreshOutcome> task = () -> {
                    ready.countDown();
                    go.await();
                    return service.rotate(token);
                };
                futures.add(pool.submit(task));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<RefreshOutcome> future : futures) {
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
        private RefreshTokenRepository tokens;

        @Test
        void concurrentRefreshesWithOneTokenThenExactlyOneWinsAndNoneFails() throws Exception {
            IssuedRefreshToken issued = this.service.startSession("secret");

            List<Object> outcomes = rotateConcurrently(this.service, issued.value());

            assertThat(outcomes).hasSize(THREADS).allMatch(RefreshOutcome.class::isInstance);
            assertThat(outcomes).filteredOn(RefreshOutcome.Rotated.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(RefreshOutcome.Refused.class::isInstance)
                .hasSize(THREADS - 1)
                .allSatisfy((outcome) -> assertThat(((RefreshOutcome.Refused) outcome).reason())
                    .isIn(RefreshFailure.REUSED, RefreshFailure.REVOKED));
            // Without a grace, the losers' second use of the token is a replay: the whole session ends, the
            // winner's new token included.
            assertThat(this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
                .noneMatch(RefreshToken::isActive);
        }

    }

    @Nested
    @SpringBootTest(properties = "app.jwt.refresh-reuse-grace=10s")
    class AgainstARevocation {

        @Autowired
        private RefreshTokenService service;

        @Autowired
        private RefreshTokenRepository tokens;

        @Autowired
        private AppUserRepository users;

        @Autowired
        private PlatformTransactionManager transactionManager;

        @Test
        void rotationDuringARevocationWaitsForItAndIsRefused() throws Exception {
            IssuedRefreshToken issued = this.service.startSession("secret");
            IssuedRefreshToken current = ((RefreshOutcome.Rotated) this.service.rotate(issued.value())).token();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
                Future<RefreshOutcome> rotation = transaction.execute((status) -> {
                    // Hold the user's lock, as a revocation does, while a rotation of the current token starts.
                    this.users.findForUpdateByUsername("secret");
                    AtomicReference<Thread> rotating = new AtomicReference<>();
                    Future<RefreshOutcome> started = pool.submit(() -> {
                        rotating.set(Thread.currentThread());
                        return this.service.rotate(current.value());
                    });
                    await().atMost(Duration.ofSeconds(10)).until(() -> waitsInTheDatabase(rotating.get()));
                    this.service.revokeSession(issued.sessionId(), "secret");
                    return started;
                });

                assertThat(rotation.get(30, TimeUnit.SECONDS))
                    .isEqualTo(new RefreshOutcome.Refused(RefreshFailure.REVOKED));
                assertThat(this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
                    .noneMatch(RefreshToken::isActive);
            }
            finally {
                pool.shutdownNow();
            }
        }

        @Test
        void revocationDuringARotationWaitsForItAndRevokesTheNewTokenToo() throws Exception {
            IssuedRefreshToken issued = this.service.startSession("secret");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
                Future<?> revocation = transaction.execute((status) -> {
                    // A rotation in flight: its new token is inserted but not yet committed.
                    assertThat(this.service.rotate(issued.value())).isInstanceOf(RefreshOutcome.Rotated.class);
                    AtomicReference<Thread> revoking = new AtomicReference<>();
                    Future<?> started = pool.submit(() -> {
                        revoking.set(Thread.currentThread());
                        this.service.revokeSession(issued.sessionId(), "secret");
                    });
                    await().atMost(Duration.ofSeconds(10)).until(() -> waitsInTheDatabase(revoking.get()));
                    return started;
                });

                revocation.get(30, TimeUnit.SECONDS);
                assertThat(this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
                    .noneMatch(RefreshToken::isActive);
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
        private RefreshTokenRepository tokens;

        @Test
        void concurrentRefreshesWithOneTokenThenAllWinWithTokensOfTheSameSession() throws Exception {
            IssuedRefreshToken issued = this.service.startSession("secret");

            List<Object> outcomes = rotateConcurrently(this.service, issued.value());

            assertThat(outcomes).hasSize(THREADS).allMatch(RefreshOutcome.Rotated.class::isInstance);
            assertThat(outcomes.stream().map((outcome) -> ((RefreshOutcome.Rotated) outcome).token().value()))
                .doesNotHaveDuplicates();
            assertThat(this.tokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(THREADS + 1)
                .allMatch(RefreshToken::isActive);
        }

    }

}
