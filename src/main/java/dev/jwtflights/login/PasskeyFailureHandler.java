package dev.jwtflights.login;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * After a refused passkey (an unknown passkey, a wrong origin or challenge, a bad signature, a disabled user or one
 * who no longer exists, a ceremony that timed out): 401 with
 * {@code {"authenticated": false, "redirectUrl": "/login?passkey-failed"}}, which the login page's script follows. The
 * page says only that the passkey sign-in failed; the reason goes to the log, and the refusal to the audit trail.
 */
final class PasskeyFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(PasskeyFailureHandler.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        Throwable cause = (exception.getCause() != null) ? exception.getCause() : exception;
        log.info("Passkey sign-in refused ({})", cause.getClass().getSimpleName());
        LoginSuccessHandler.answerScript(request, response, false, "/login" + LoginNotice.PASSKEY_FAILED.query());
    }

}
