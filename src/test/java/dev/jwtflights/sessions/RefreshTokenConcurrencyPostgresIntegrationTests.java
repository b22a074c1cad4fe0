package dev.jwtflights.sessions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.jwtflights.sessions.store.RefreshToken;
import dev.jwtflights.sessions.store.RefreshTokenRepository;
import dev.jwtflights.sessions.store.RefreshTokenRows;
import dev.jwtflights.test.TestUsers;
import dev.jwtflights.test.postgres.OnPostgres;
import dev.jwtflights.users.Account;
import dev.jwtflights.users.UserAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.jwtflights.sessions.RefreshTokenConcurrencyIntegrationTests.THREADS;
import static dev.jwtflights.sessions.RefreshTokenConcurrencyIntegrationTests.rotateConcurrently;
import static dev.jwtflights.sessions.SessionsTestSupport.CLIENT;
import static dev.jwtflights.sessions.SessionsTestSupport.granted;
import static dev.jwtflights.sessions.SessionsTestSupport.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the refresh rules rely on from PostgreSQL, with real transactions on concurrent threads: a second transaction
 * that wants a user's row lock ({@code UserAccounts.lockForSessionChange}, for which Hibernate writes
 * {@code SELECT ... FOR NO KEY UPDATE} on PostgreSQL), a session's lock ({@code RefreshTokenRows.lockSession}, a
 * {@code SELECT ... FOR UPDATE}) or a refresh token's row (the conditional UPDATE of a rotation) waits until the first one ends, then reads what it
 * committed; and one session's lock holds up no other session. That a transaction waits is read from
 * PostgreSQL itself ({@code pg_blocking_pids}), not guessed from time.
 */
class RefreshTokenConcurrencyPostgresIntegrationTests {

    /** How long a test waits for something that is about to happen: only a broken rule makes it wait that long. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Nested
    @SpringBootTest(properties = "app.jwt.refresh-reuse-grace=0s")
    @OnPostgres
    class WithoutGrace {

        @Autowired
        private RefreshTokenService service;

        @Autowired
        private RefreshTokenRepository refreshTokens;

        @Autowired
        private RefreshTokenRows rows;

        @Autowired
        private UserAccounts accounts;

        @Autowired
        private JdbcTemplate jdbc;

        @Autowired
        private DataSource dataSource;

        @Autowired
        private PlatformTransactionManager transactionManager;

        /** The other transactions' threads: as many as a test needs at once. */
        private final ExecutorService pool = Executors.newCachedThreadPool();

        /** The transaction that the test began on its own thread, if it did. */
        private TransactionStatus begun;

        /** A test that failed halfway leaves nothing open: no transaction, no lock, no waiting thread. */
        @AfterEach
        void endWhatIsOpen() {
            if (this.begun != null && !this.begun.isCompleted()) {
                this.transactionManager.rollback(this.begun);
            }
            this.pool.shutdownNow();
        }

        @Test
        void concurrentRefreshesWithOneTokenThenExactlyOneWinsAndNoneFails() throws Exception {
            String user = TestUsers.create(this.jdbc, "USER");
            IssuedRefreshToken issued = issued(this.service.start(user, CLIENT));

            List<Object> outcomes = rotateConcurrently(this.service, issued.value());

            assertThat(outcomes).hasSize(THREADS).allMatch(TokenGrant.class::isInstance);
            assertThat(outcomes).filteredOn(TokenGrant.Granted.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(TokenGrant.Refused.class::isInstance)
                .hasSize(THREADS - 1)
                .allSatisfy((outcome) -> assertThat(((TokenGrant.Refused) outcome).reason())
                    .isIn(Refusal.REUSED, Refusal.REVOKED));
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
                .noneMatch(RefreshToken::isActive);
        }

        @Test
        void markUsedWhenAnotherTransactionMarkedTheTokenFirstThenWaitsForItsCommitAndCountsNoRow() throws Exception {
            RefreshToken token = tokenOf(TestUsers.create(this.jdbc, "USER"));
            Instant now = Instant.parse("2026-01-01T10:05:00Z");
            TransactionStatus first = begin();
            assertThat(this.rows.markUsed(token.getId(), now)).isEqualTo(1);

            Future<Integer> second = inAnotherTransaction(() -> this.rows.markUsed(token.getId(), now));
            awaitBlockedBy(backendOf(first), "update refresh_token");
            assertThat(second).isNotDone();
            this.transactionManager.commit(first);

            assertThat(second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isZero();
            assertThat(this.refreshTokens.findById(token.getId()).orElseThrow().getUsedAt()).isEqualTo(now);
        }

        @Test
        void markUsedWhenTheTransactionThatMarkedTheTokenFirstRollsBackThenTheWaitingOneWins() throws Exception {
            RefreshToken token = tokenOf(TestUsers.create(this.jdbc, "USER"));
            Instant first = Instant.parse("2026-01-01T10:05:00Z");
            Instant later = first.plusSeconds(1);
            TransactionStatus winnerThatFails = begin();
            assertThat(this.rows.markUsed(token.getId(), first)).isEqualTo(1);

            Future<Integer> second = inAnotherTransaction(() -> this.rows.markUsed(token.getId(), later));
            awaitBlockedBy(backendOf(winnerThatFails), "update refresh_token");
            assertThat(second).isNotDone();
            this.transactionManager.rollback(winnerThatFails);

            assertThat(second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(this.refreshTokens.findById(token.getId()).orElseThrow().getUsedAt()).isEqualTo(later);
        }

        @Test
        void lockForSessionChangeWhenAnotherTransactionHoldsTheUserThenWaitsForItsCommitAndReadsTheCommittedRow()
                throws Exception {
            String user = TestUsers.create(this.jdbc, "USER");
            TransactionStatus first = begin();
            assertThat(this.accounts.lockForSessionChange(user)).hasValueSatisfying(
                    (account) -> assertThat(account.enabled()).isTrue());
            this.jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", user);

            Future<Optional<Account>> second = inAnotherTransaction(() -> this.accounts.lockForSessionChange(user));
            awaitBlockedBy(backendOf(first), "app_user");
            assertThat(second).isNotDone();
            // A plain read is not held up by the lock: it sees the row as it was before the first transaction.
            assertThat(inAnotherTransaction(() -> this.accounts.find(user)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .hasValueSatisfying((account) -> assertThat(account.enabled()).isTrue());
            this.transactionManager.commit(first);

            assertThat(second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .hasValueSatisfying((account) -> assertThat(account.enabled()).isFalse());
        }

        @Test
        void lockForSessionChangeOfAnotherUserIsNotHeldUp() throws Exception {
            String locked = TestUsers.create(this.jdbc, "USER");
            String other = TestUsers.create(this.jdbc, "USER");
            IssuedRefreshToken othersSession = issued(this.service.start(other, CLIENT));
            TransactionStatus first = begin();
            this.accounts.lockForSessionChange(locked);

            Future<TokenGrant> rotation = inAnotherTransaction(() -> this.service.rotate(othersSession.value(), CLIENT));

            assertThat(rotation.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(TokenGrant.Granted.class);
            assertThat(first.isCompleted()).isFalse();
        }

        @Test
        void rotationDuringARevocationWaitsForItAndIsRefused() throws Exception {
            String user = TestUsers.create(this.jdbc, "USER");
            IssuedRefreshToken issued = issued(this.service.start(user, CLIENT));
            TransactionStatus revocation = begin();
            // A revocation in flight: the session is revoked but not yet committed.
            assertThat(this.service.endSession(issued.sessionId(), user, EndCause.LOGGED_OUT, null, CLIENT)).isTrue();

            Future<TokenGrant> rotation = inAnotherTransaction(() -> this.service.rotate(issued.value(), CLIENT));
            awaitBlockedBy(backendOf(revocation), "refresh_token");
            assertThat(rotation).isNotDone();
            this.transactionManager.commit(revocation);

            assertThat(rotation.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isEqualTo(new TokenGrant.Refused(Refusal.SIGNED_OUT));
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).singleElement()
                .satisfies((token) -> assertThat(token.isActive()).isFalse());
        }

        @Test
        void revocationDuringARotationWaitsForItAndRevokesTheNewTokenToo() throws Exception {
            String user = TestUsers.create(this.jdbc, "USER");
            IssuedRefreshToken issued = issued(this.service.start(user, CLIENT));
            TransactionStatus rotation = begin();
            // A rotation in flight: its new token is inserted but not yet committed.
            TokenPair rotated = granted(this.service.rotate(issued.value(), CLIENT));

            Future<Boolean> revocation = inAnotherTransaction(
                    () -> this.service.endSession(issued.sessionId(), user, EndCause.LOGGED_OUT, null, CLIENT));
            awaitBlockedBy(backendOf(rotation), "refresh_token");
            assertThat(revocation).isNotDone();
            this.transactionManager.commit(rotation);

            assertThat(revocation.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(2)
                .noneMatch(RefreshToken::isActive);
            assertThat(this.service.rotate(rotated.refresh().value(), CLIENT))
                .isEqualTo(new TokenGrant.Refused(Refusal.SIGNED_OUT));
        }

        @Test
        void rotationOfAnotherSessionOfTheSameUserIsNotHeldUp() throws Exception {
            String user = TestUsers.create(this.jdbc, "USER");
            IssuedRefreshToken first = issued(this.service.start(user, CLIENT));
            IssuedRefreshToken second = issued(this.service.start(user, CLIENT));
            TransactionStatus rotation = begin();
            // A rotation of the first session in flight: it holds that session's lock until it commits.
            assertThat(this.service.rotate(first.value(), CLIENT)).isInstanceOf(TokenGrant.Granted.class);

            Future<TokenGrant> other = inAnotherTransaction(() -> this.service.rotate(second.value(), CLIENT));

            assertThat(other.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(TokenGrant.Granted.class);
            assertThat(rotation.isCompleted()).isFalse();
        }

        private RefreshToken tokenOf(String user) {
            IssuedRefreshToken issued = issued(this.service.start(user, CLIENT));
            return this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId()).get(0);
        }

        /** Begins a transaction on the test's thread, which the test ends by hand. */
        private TransactionStatus begin() {
            this.begun = this.transactionManager.getTransaction(new DefaultTransactionDefinition());
            return this.begun;
        }

        /** The PostgreSQL backend (server process) of the transaction on the test's thread. */
        private int backendOf(TransactionStatus transaction) {
            assertThat(transaction.isCompleted()).isFalse();
            return this.jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
        }

        /** Runs the work in a transaction of its own, on another thread. */
        private <T> Future<T> inAnotherTransaction(Supplier<T> work) {
            TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
            return this.pool.submit(() -> transaction.execute((status) -> work.get()));
        }

        /** Waits until PostgreSQL says that a statement on the given table waits for a lock that the backend holds. */
        private void awaitBlockedBy(int backend, String statement) {
            await().atMost(PATIENCE).until(() -> blockedBy(backend).stream()
                .anyMatch((query) -> query.toLowerCase().contains(statement)));
        }

        /** The statements that wait for a lock held by the given backend, read outside any transaction. */
        private List<String> blockedBy(int backend) throws SQLException {
            try (Connection connection = this.dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT query FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
                statement.setInt(1, backend);
                List<String> queries = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        queries.add(rows.getString(1));
                    }
                }
                return queries;
            }
        }

    }

    @Nested
    @SpringBootTest(properties = "app.jwt.refresh-reuse-grace=10s")
    @OnPostgres
    class WithinGrace {

        @Autowired
        private RefreshTokenService service;

        @Autowired
        private RefreshTokenRepository refreshTokens;

        @Autowired
        private JdbcTemplate jdbc;

        @Test
        void concurrentRefreshesWithOneTokenThenAllWinWithTokensOfTheSameSession() throws Exception {
            String user = TestUsers.create(this.jdbc, "USER");
            IssuedRefreshToken issued = issued(this.service.start(user, CLIENT));

            List<Object> outcomes = rotateConcurrently(this.service, issued.value());

            assertThat(outcomes).hasSize(THREADS).allMatch(TokenGrant.Granted.class::isInstance);
            assertThat(outcomes.stream().map((outcome) -> ((TokenGrant.Granted) outcome).tokens().refresh().value()))
                .doesNotHaveDuplicates();
            assertThat(this.refreshTokens.findByFamilyIdOrderByIdAsc(issued.sessionId())).hasSize(THREADS + 1)
                .allMatch(RefreshToken::isActive);
        }

    }

}
