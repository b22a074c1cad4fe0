package dev.jwtflights.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.tokens.SignInMethod;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;

/**
 * After a correct password or passkey: starts the session (both cookies, the same rules whichever it was, the way
 * noted in the session) and goes to the flights page. If the session cannot be started (the user is disabled, the
 * database failed), the sign-in is answered as a failed one.
 * <p>
 * The password form is answered with a redirect. A passkey's assertion comes from the login page's script, which reads
 * the answer as Spring Security's own script does: {@code {"authenticated": true, "redirectUrl": "..."}}, or 401 with
 * {@code "authenticated": false} and the login page to go back to.
 */
final class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private final BrowserSession session;

    LoginSuccessHandler(BrowserSession session) {
        this.session = session;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        SignInMethod method = (authentication instanceof WebAuthnAuthentication) ? SignInMethod.PASSKEY
                : SignInMethod.PASSWORD;
        boolean started = this.session.start(authentication.getName(), method, request, response);
        if (method == SignInMethod.PASSKEY) {
            String target = started ? "/flights" : "/login" + LoginNotice.PASSKEY_FAILED.query();
            answerScript(request, response, started, target);
            return;
        }
        String target = started ? "/flights" : "/login" + LoginNotice.FAILED.query();
        response.sendRedirect(request.getContextPath() + target);
    }

    /** The JSON answer to the login page's passkey script: whether it worked and where to go now. */
    static void answerScript(HttpServletRequest request, HttpServletResponse response, boolean authenticated,
            String target) throws IOException {
        response.setStatus(authenticated ? HttpServletResponse.SC_OK : HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
            .write("{\"authenticated\":" + authenticated + ",\"redirectUrl\":\"" + request.getContextPath() + target
                    + "\"}");
    }

}
