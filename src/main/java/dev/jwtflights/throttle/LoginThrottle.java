package dev.jwtflights.throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.jwtflights.system.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.stereotype.Component;

/**
 * The rule against password guessing: each username, and each client address, may fail the password check only so
 * often ({@code app.throttle.failures-per-username}, {@code app.throttle.failures-per-ip} per
 * {@code app.throttle.window}). An attempt beyond either limit is refused before the password is checked, so it costs
 * no BCrypt and tells nothing.
 * <p>
 * Every attempt takes a token from its username's bucket and one from its address's before the password is checked,
 * and gives them back if the password was right: so only failures count, and a burst of parallel guesses cannot slip
 * past the limit while their checks run. A username is one bucket whether or not such a user exists, so neither the
 * answers nor their timing tell which usernames exist; one user's bucket never blocks another user's correct password
 * (only their shared address's can). The buckets are in this instance's memory, at most
 * {@code app.throttle.max-tracked} usernames and as many addresses: a username gets a bucket only from an attempt that
 * its address's limit let through, so pushing a throttled username out of memory takes that many failed checks
 * within a window, from many addresses. With several instances behind a load balancer, each counts on its own (see
 * the README).
 */
@Component
@EnableConfigurationProperties(ThrottleProperties.class)
public class LoginThrottle {

    /** The longest username the login could accept (the {@code app_user.username} column). */
    static final int MAX_USERNAME = 100;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Buckets usernames;

    private final Buckets addresses;

    LoginThrottle(ThrottleProperties properties, Clock clock) {
        this.usernames = new Buckets(properties.failuresPerUsername(), properties.window(), properties.maxTracked(),
                clock);
        this.addresses = new Buckets(properties.failuresPerIp(), properties.window(), properties.maxTracked(), clock);
    }

    /**
     * The password check, throttled: an attempt beyond the limits is refused with a {@link LoginThrottledException}
     * before it reaches {@code passwordCheck}. The client's address is read from the attempt's
     * {@code WebAuthenticationDetails}, which the login form's filter fills in and the token endpoint sets.
     */
    public AuthenticationManager guard(AuthenticationManager passwordCheck) {
        return new ThrottledAuthenticationManager(passwordCheck, this);
    }

    /**
     * Before a password check: takes a token for the username and one for the address.
     * @return empty if the check may go ahead; else how long to wait, and nothing was taken
     */
    Optional<Duration> acquire(String username, String address) {
        String user = usernameKey(username);
        String client = AddressKey.of(address);
        Optional<Duration> addressWait = this.addresses.take(client);
        if (addressWait.isPresent()) {
            Duration usernameWait = this.usernames.waitFor(user);
            return Optional.of((usernameWait.compareTo(addressWait.get()) > 0) ? usernameWait : addressWait.get());
        }
        Optional<Duration> usernameWait = this.usernames.take(user);
        if (usernameWait.isPresent()) {
            this.addresses.giveBack(client);
        }
        return usernameWait;
    }

    /** The password was right, or could not be checked (a fault of ours): the attempt does not count. */
    void release(String username, String address) {
        this.usernames.giveBack(usernameKey(username));
        this.addresses.giveBack(AddressKey.of(address));
    }

    /** The password check failed: the attempt counts (its tokens stay taken). Logs a limit that it reached. */
    void failed(String username, String address) {
        String user = usernameKey(username);
        String client = AddressKey.of(address);
        if (this.usernames.isEmpty(user)) {
            log.warn("Sign-ins of user '{}' are throttled: {} failed within {}", LogSafe.text(user),
                    this.usernames.limit(), this.usernames.window());
        }
        if (this.addresses.isEmpty(client)) {
            log.warn("Sign-ins from {} are throttled: {} failed within {}", LogSafe.text(client),
                    this.addresses.limit(), this.addresses.window());
        }
    }

    /** How many usernames are remembered now: never more than {@code app.throttle.max-tracked}. */
    long trackedUsernames() {
        return this.usernames.size();
    }

    /** How many addresses are remembered now: never more than {@code app.throttle.max-tracked}. */
    long trackedAddresses() {
        return this.addresses.size();
    }

    /** A username as the login compares it: without spaces around it (as both ways in trim it), cut at the longest. */
    static String usernameKey(String username) {
        if (username == null) {
            return "";
        }
        String trimmed = username.trim();
        return (trimmed.length() > MAX_USERNAME) ? trimmed.substring(0, MAX_USERNAME) : trimmed;
    }

}
