package dev.jwtflights.throttle;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked: its username, or the address it came from, failed too often
 * lately. Says how long to wait, and nothing about the username: an unknown one is throttled exactly as a known one.
 */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    /**
     * @param retryAfter how long until an attempt may be checked again
     */
    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; try again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return this.retryAfter;
    }

    /** The wait in whole seconds, rounded up and at least one: as {@code Retry-After} and the login page say it. */
    public long retryAfterSeconds() {
        long seconds = this.retryAfter.getSeconds() + ((this.retryAfter.getNano() > 0) ? 1 : 0);
        return Math.max(1, seconds);
    }

}
