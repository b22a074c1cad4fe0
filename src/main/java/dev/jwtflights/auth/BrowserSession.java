package dev.jwtflights.auth;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A browser's login session, carried by the two cookies: starting it at login, recognising it on every page
 * (refreshing silently when the access token is missing or expired) and ending it at logout.
 */
@Component
public class BrowserSession {

    /** Request attribute: why the session could not be renewed ({@link RefreshFailure}). */
    static final String FAILURE_ATTRIBUTE = BrowserSession.class.getName() + ".failure";

    private static final String RENEWED_ATTRIBUTE = BrowserSession.class.getName() + ".renewed";

    private static final Logger log = LoggerFactory.getLogger(BrowserSession.class);

    private final TokenService tokens;

    private final SessionTokens sessionTokens;

    private final RefreshTokenService refreshTokens;

    private final AuthCookies cookies;

    BrowserSession(TokenService tokens, SessionTokens sessionTokens, RefreshTokenService refreshTokens,
            AuthCookies cookies) {
        this.tokens = tokens;
        this.sessionTokens = sessionTokens;
        this.refreshTokens = refreshTokens;
        this.cookies = cookies;
    }

    /**
     * Starts a session for a user who just proved who they are, and sets both cookies.
     */
    TokenAuthentication start(String username, List<String> roles, HttpServletRequest request,
            HttpServletResponse response) {
        SessionTokens.TokenPair tokens = this.sessionTokens.start(username, roles);
        this.cookies.write(request, response, tokens.access(), tokens.refresh());
        return new TokenAuthentication(tokens.access());
    }

    /**
     * Recognises the request's session: by its access token if that is still valid, otherwise by renewing it.
     */
    Optional<TokenAuthentication> authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> access = this.cookies.accessToken(request);
        if (access.isPresent()) {
            try {
                return Optional.of(new TokenAuthentication(this.tokens.verify(access.get())));
            }
            catch (InvalidTokenException ex) {
                log.debug("Access token cookie refused ({}); trying the refresh token", ex.getMessage());
            }
        }
        return renew(request, response);
    }

    /**
     * Exchanges the request's refresh cookie for new tokens, at most once per request. On success both cookies are
     * set anew; on failure both are cleared and the reason is left in the {@link #FAILURE_ATTRIBUTE} attribute.
     */
    public Optional<TokenAuthentication> renew(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(RENEWED_ATTRIBUTE) != null) {
            return Optional.empty();
        }
        request.setAttribute(RENEWED_ATTRIBUTE, Boolean.TRUE);
        Optional<String> refresh = this.cookies.refreshToken(request);
        if (refresh.isEmpty()) {
            request.setAttribute(FAILURE_ATTRIBUTE, RefreshFailure.MISSING);
            return Optional.empty();
        }
        SessionTokens.Renewal renewal = this.sessionTokens.renew(refresh.get());
        if (renewal instanceof SessionTokens.Renewal.Renewed renewed) {
            SessionTokens.TokenPair tokens = renewed.tokens();
            this.cookies.write(request, response, tokens.access(), tokens.refresh());
            return Optional.of(new TokenAuthentication(tokens.access()));
        }
        this.cookies.clear(request, response);
        request.setAttribute(FAILURE_ATTRIBUTE, ((SessionTokens.Renewal.Refused) renewal).reason());
        return Optional.empty();
    }

    /**
     * Describes the session of a signed-in request for the session panel. Never exposes a token.
     */
    public SessionInfo describe(TokenAuthentication authentication) {
        return this.refreshTokens.describe(authentication.token());
    }

    /**
     * Ends the request's session: revokes its refresh-token family and clears both cookies.
     */
    void end(HttpServletRequest request, HttpServletResponse response) {
        try {
            Optional<String> revoked = this.refreshTokens
                .revokeSessionOf(this.cookies.refreshToken(request).orElse(null));
            if (revoked.isEmpty()) {
                this.cookies.accessToken(request).flatMap(this::verifiedQuietly)
                    .ifPresent((token) -> this.refreshTokens.revokeSession(token.sessionId(), token.username()));
            }
        }
        catch (RuntimeException ex) {
            log.error("Could not revoke the session at logout", ex);
        }
        this.cookies.clear(request, response);
    }

    private Optional<AccessToken> verifiedQuietly(String value) {
        try {
            return Optional.of(this.tokens.verify(value));
        }
        catch (InvalidTokenException ex) {
            return Optional.empty();
        }
    }

}
