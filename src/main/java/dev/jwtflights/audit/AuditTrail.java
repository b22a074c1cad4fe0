package dev.jwtflights.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import java.util.List;

import dev.jwtflights.passkeys.PasskeyEvent;
import dev.jwtflights.sessions.EndCause;
import dev.jwtflights.sessions.SessionEvent;
import dev.jwtflights.system.Client;
import dev.jwtflights.system.LogSafe;
import dev.jwtflights.tokens.SignInMethod;
import dev.jwtflights.users.UserEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.stereotype.Component;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit trail. An event of a session or a user is written in the transaction of the change it records, so
 * a change that rolls back leaves no event, and an event that cannot be written rolls the change back. A failed
 * sign-in changes nothing: it is written on its own (a statement committed by itself), and a failure to write it
 * (the database is down, say) is only logged, so that the sign-in is answered all the same.
 */
@Component
class AuditTrail {

    /** How much of a username typed at a failed login is kept. */
    static final int MAX_TYPED_USERNAME = 64;

    /** How much of a passkey's label an event keeps, and of its whole detail (which fits the column, "..." included). */
    static final int MAX_LABEL = 64;

    static final int MAX_DETAIL = 250;

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** One plain SQL statement (an event is written at every login and renewal), no entity. */
    private static final String INSERT = "insert into auth_event (occurred_at, type, username, actor, session_id, "
            + "ip_address, user_agent, detail) values (?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;

    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(SessionEvent event) {
        if (event instanceof SessionEvent.Started started) {
            AuthEventType type = (started.method() == SignInMethod.PASSKEY) ? AuthEventType.LOGIN_WITH_PASSKEY
                    : AuthEventType.LOGIN_SUCCEEDED;
            write(event, type, started.sessionId(), null, null);
        }
        else if (event instanceof SessionEvent.Renewed renewed) {
            write(event, AuthEventType.REFRESHED, renewed.sessionId(), null, null);
        }
        else if (event instanceof SessionEvent.Ended ended) {
            String sessionId = (ended.sessionIds().size() == 1) ? ended.sessionIds().get(0) : null;
            write(event, typeOf(ended.cause()), sessionId, ended.actor(), detailOf(ended));
        }
    }

    @EventListener
    @Transactional
    void on(UserEvent event) {
        AuthEventType type;
        if (event instanceof UserEvent.Disabled) {
            type = AuthEventType.USER_DISABLED;
        }
        else if (event instanceof UserEvent.Enabled) {
            type = AuthEventType.USER_ENABLED;
        }
        else {
            type = AuthEventType.PASSWORD_SET;
        }
        append(event.at(), type, event.username(), event.actor(), null, event.client(), null);
    }

    /**
     * A passkey added or removed: the event names the passkeys by the labels their owner gave them (made safe and
     * capped), never by a key.
     */
    @EventListener
    @Transactional
    void on(PasskeyEvent event) {
        AuthEventType type;
        String detail;
        if (event instanceof PasskeyEvent.Added added) {
            type = AuthEventType.PASSKEY_ADDED;
            detail = "passkey " + quoted(added.label());
        }
        else {
            List<String> labels = ((PasskeyEvent.Removed) event).labels();
            type = AuthEventType.PASSKEY_REMOVED;
            detail = (labels.size() == 1) ? "passkey " + quoted(labels.get(0))
                    : labels.size() + " passkeys: " + String.join(", ", labels.stream().map(AuditTrail::quoted).toList());
        }
        append(event.at(), type, event.username(), event.actor(), null, event.client(),
                LogSafe.text(detail, MAX_DETAIL));
    }

    /**
     * A refused password, from the login form or the token endpoint: the username as typed (made safe, capped), where
     * the attempt came from, and the kind of refusal. Never the password.
     * <p>
     * A refused passkey (an unknown passkey, a bad signature, a wrong challenge or origin, a disabled user): nobody
     * typed a name, and the assertion is not trusted to say whose it is, so the event has no username; its detail is
     * {@code passkey} (with {@code , account disabled} for a disabled user). Never the assertion or its signature.
     */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username;
        String detail;
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            username = LogSafe.text(attempt.getName(), MAX_TYPED_USERNAME);
            detail = failureOf(event);
        }
        else if (event.getAuthentication() instanceof WebAuthnAuthenticationRequestToken) {
            username = null;
            detail = passkeyFailureOf(event);
        }
        else {
            return;
        }
        try {
            append(this.clock.instant(), AuthEventType.LOGIN_FAILED, username, null, null, currentClient(), detail);
        }
        catch (RuntimeException ex) {
            log.error("Could not write a failed sign-in to the audit trail ({})", ex.getClass().getSimpleName(), ex);
        }
    }

    private static String quoted(String label) {
        return "'" + LogSafe.text(label, MAX_LABEL) + "'";
    }

    private void write(SessionEvent event, AuthEventType type, String sessionId, String actor, String detail) {
        append(event.at(), type, event.username(), actor, sessionId, event.client(), detail);
    }

    /** Writes one event: the columns of an {@link AuthEvent}, which the audit log reads. */
    private void append(Instant occurredAt, AuthEventType type, String username, String actor, String sessionId,
            Client client, String detail) {
        this.jdbc.sql(INSERT)
            .params(OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), type.name(), username, actor, sessionId,
                    client.ipAddress(), client.userAgent(), detail)
            .update();
    }

    private static AuthEventType typeOf(EndCause cause) {
        return switch (cause) {
            case LOGGED_OUT -> AuthEventType.LOGGED_OUT;
            case ENDED_BY_USER -> AuthEventType.SESSION_ENDED_BY_USER;
            case REUSE_DETECTED -> AuthEventType.REUSE_DETECTED;
            case SESSION_LIMIT -> AuthEventType.SESSION_LIMIT_REACHED;
            case ENDED_BY_ADMIN, USER_DISABLED, PASSWORD_SET -> AuthEventType.SESSIONS_ENDED_BY_ADMIN;
        };
    }

    private static String detailOf(SessionEvent.Ended ended) {
        int count = ended.sessionIds().size();
        String sessions = count + ((count == 1) ? " session" : " sessions");
        return switch (ended.cause()) {
            case USER_DISABLED -> sessions + "; the user was disabled";
            case PASSWORD_SET -> sessions + "; a new password was set";
            case SESSION_LIMIT -> sessions + "; the oldest, to make room for a new login";
            default -> sessions;
        };
    }

    private static String failureOf(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureServiceExceptionEvent) {
            return "could not be checked";
        }
        return (event.getException() instanceof DisabledException) ? "account disabled" : "bad credentials";
    }

    private static String passkeyFailureOf(AbstractAuthenticationFailureEvent event) {
        Throwable exception = event.getException();
        boolean disabled = exception instanceof DisabledException || exception.getCause() instanceof DisabledException;
        return disabled ? "passkey, account disabled" : "passkey";
    }

    /** The client of the request being served: a failed sign-in always comes with one. */
    private static Client currentClient() {
        return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                ? Client.of(attributes.getRequest()) : Client.UNKNOWN;
    }

}
