package dev.jwtflights.users;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.jwtflights.system.Client;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users as the session rules and the administrators see them: reading and locking one, listing them, and what an
 * administrator may change (enabled or not, a new password), each published as a {@link UserEvent}.
 */
@Service
public class UserAccounts {

    /** NIST SP 800-63B's least length for a password that a person chose. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    /** BCrypt reads no more than 72 bytes of a password; a longer one is refused rather than cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final String FIND_ACCOUNT = "select username, role, enabled from app_user where username = ?";

    private final AppUserRepository users;

    private final JdbcClient jdbc;

    private final PasswordEncoder passwordEncoder;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    UserAccounts(AppUserRepository users, JdbcClient jdbc, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reads a user and locks their row until the caller's transaction ends (a pessimistic write lock:
     * {@code SELECT ... FOR UPDATE} on H2, {@code FOR NO KEY UPDATE} on PostgreSQL): every change to which sessions a
     * user has (a login, the session limit, ending sessions) holds this lock, so those of one user happen one after
     * the other. A renewal does not take it: it locks its own session only.
     * Must run inside the caller's transaction.
     * @return the user, or empty if there is no such user
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Account> lockForSessionChange(String username) {
        return this.users.findForUpdateByUsername(username).map(Account::of);
    }

    /**
     * One user, if there is one by that name. Read with one plain SQL query, no entity (it is on the path of every
     * renewal): it sees what is committed, and what the caller's transaction wrote and flushed.
     */
    @Transactional(readOnly = true)
    public Optional<Account> find(String username) {
        return this.jdbc.sql(FIND_ACCOUNT)
            .param(username)
            .query((row, number) -> new Account(row.getString(1), Role.valueOf(row.getString(2)), row.getBoolean(3)))
            .optional();
    }

    /** Every user, by username. */
    @Transactional(readOnly = true)
    public List<Account> list() {
        return this.users.findAll(Sort.by("username")).stream().map(Account::of).toList();
    }

    /**
     * Lets a user sign in, or stops them: a disabled user's sessions end in the same transaction.
     * @return whether the user exists (an unchanged one counts, and publishes nothing)
     */
    @Transactional
    public boolean setEnabled(String username, boolean enabled, String actor, Client client) {
        Optional<AppUser> user = this.users.findForUpdateByUsername(username);
        if (user.isEmpty()) {
            return false;
        }
        if (user.get().isEnabled() != enabled) {
            user.get().setEnabled(enabled);
            this.events.publishEvent(enabled ? new UserEvent.Enabled(username, actor, this.clock.instant(), client)
                    : new UserEvent.Disabled(username, actor, this.clock.instant(), client));
        }
        return true;
    }

    /**
     * Gives a user a new password, typed by an administrator: it is hashed at once, and the user's sessions end in the
     * same transaction.
     * @return whether the user exists
     * @throws IllegalArgumentException if the password is shorter than {@value #MIN_PASSWORD_LENGTH} characters or
     * longer than {@value #MAX_PASSWORD_BYTES} bytes in UTF-8
     */
    @Transactional
    public boolean setPassword(String username, String password, String actor, Client client) {
        if (!acceptablePassword(password)) {
            throw new IllegalArgumentException("The password must be at least " + MIN_PASSWORD_LENGTH
                    + " characters and at most " + MAX_PASSWORD_BYTES + " bytes long");
        }
        Optional<AppUser> user = this.users.findForUpdateByUsername(username);
        if (user.isEmpty()) {
            return false;
        }
        user.get().setPasswordHash(this.passwordEncoder.encode(password));
        this.events.publishEvent(new UserEvent.PasswordSet(username, actor, this.clock.instant(), client));
        return true;
    }

    /** Whether a password may be set: long enough to resist guessing, short enough for BCrypt to read it all. */
    public static boolean acceptablePassword(String password) {
        return password != null && password.codePointCount(0, password.length()) >= MIN_PASSWORD_LENGTH
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

}
