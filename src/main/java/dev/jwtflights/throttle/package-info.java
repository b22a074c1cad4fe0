/**
 * Password guessing: the login throttle. Failed password checks are counted per username and per client address in
 * Bucket4j token buckets kept in memory, a bounded number of them, and an attempt beyond either limit is refused
 * before BCrypt runs. Offers {@link dev.jwtflights.throttle.LoginThrottle}, which guards the one
 * {@code AuthenticationManager} of the login form and the token endpoint, and
 * {@link dev.jwtflights.throttle.LoginThrottledException}, the refusal that each of them turns into its own answer.
 */
package dev.jwtflights.throttle;
