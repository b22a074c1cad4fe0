package dev.jwtflights.users;

import dev.jwtflights.system.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.stereotype.Component;

/**
 * Writes down every refused password check, from the login form and the token endpoint alike: the username as typed
 * (made safe for a log line), never the password. A check that could not be made (the database is down, say) is an
 * error. Other kinds of authentication (bearer tokens) are not password checks and are left to their own log lines:
 * their "name" would be the token itself.
 */
@Component
class SignInLog {

    private static final Logger log = LoggerFactory.getLogger(SignInLog.class);

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
            return;
        }
        String username = LogSafe.text(attempt.getName());
        if (event instanceof AuthenticationFailureServiceExceptionEvent) {
            log.error("Sign-in of user '{}' could not be checked; refused", username, event.getException());
        }
        else {
            log.info("Sign-in failed for user '{}': {}", username, event.getException().getClass().getSimpleName());
        }
    }

}
