package dev.jwtflights.throttle;

import java.time.Duration;
import java.util.Optional;

import dev.jwtflights.system.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check behind the {@link LoginThrottle}: asks it before every username-and-password attempt, and tells
 * it how the check ended. A wrong password, an unknown user and a disabled account are failures alike; a check that
 * could not be made (the database is down) is not the client's doing and does not count.
 */
final class ThrottledAuthenticationManager implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationManager.class);

    private final AuthenticationManager passwordCheck;

    private final LoginThrottle throttle;

    ThrottledAuthenticationManager(AuthenticationManager passwordCheck, LoginThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return this.passwordCheck.authenticate(authentication);
        }
        String username = authentication.getName();
        String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
                ? details.getRemoteAddress() : null;
        Optional<Duration> wait = this.throttle.acquire(username, address);
        if (wait.isPresent()) {
            // One WARN line when a limit is reached (LoginThrottle); the refused attempts after it, only at DEBUG.
            log.debug("Sign-in of user '{}' refused unchecked: throttled for {}", LogSafe.text(username), wait.get());
            throw new LoginThrottledException(wait.get());
        }
        Authentication result;
        try {
            result = this.passwordCheck.authenticate(authentication);
        }
        catch (BadCredentialsException | AccountStatusException ex) {
            this.throttle.failed(username, address);
            throw ex;
        }
        catch (RuntimeException ex) {
            this.throttle.release(username, address);
            throw ex;
        }
        this.throttle.release(username, address);
        return result;
    }

}
