package dev.jwtflights.login;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.jwtflights.revocation.EndedSessions;
import dev.jwtflights.sessions.Refusal;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.sessions.TokenGrant;
import dev.jwtflights.sessions.TokenPair;
import dev.jwtflights.system.Client;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.AccessTokenRefusals;
import dev.jwtflights.tokens.InvalidTokenException;
import dev.jwtflights.tokens.SignInMethod;
import dev.jwtflights.tokens.TokenAuthentication;
import dev.jwtflights.tokens.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A browser's login session, carried by the two cookies: starting it at login, recognising it on every page
 * (renewing it silently when the access token is missing or expired) and ending it at logout.
 * <p>
 * An access token whose session has ended is not recognised: the page then tries to renew, which fails for the same
 * reason, and the person lands on the login page with it.
 */
@Component
class BrowserSession {

    /** The sign-out form's parameter that ends every session of the person, not only this one. */
    static final String EVERYWHERE_PARAMETER = "everywhere";

    /** Request attribute: why the session could not be renewed ({@link Refusal}), for the login page. */
    static final String REFUSAL_ATTRIBUTE = BrowserSession.class.getName() + ".refusal";

    private static final String RENEWED_ATTRIBUTE = BrowserSession.class.getName() + ".renewed";

    private static final Logger log = LoggerFactory.getLogger(BrowserSession.class);

    private final TokenService accessTokens;

    private final Sessions sessions;

    private final AuthCookies cookies;

    private final EndedSessions endedSessions;

    private final AccessTokenRefusals refusals;

    BrowserSession(TokenService accessTokens, Sessions sessions, AuthCookies cookies, EndedSessions endedSessions,
            AccessTokenRefusals refusals) {
        this.accessTokens = accessTokens;
        this.sessions = sessions;
        this.cookies = cookies;
        this.endedSessions = endedSessions;
        this.refusals = refusals;
    }

    /**
     * Starts a session for a user who just proved who they are, the way they did (a password or a passkey), and sets
     * both cookies.
     * @return whether the session started
     */
    boolean start(String username, SignInMethod method, HttpServletRequest request, HttpServletResponse response) {
        if (this.sessions.start(username, method, Client.of(request)) instanceof TokenGrant.Granted granted) {
            this.cookies.write(request, response, granted.tokens());
            return true;
        }
        return false;
    }

    /**
     * Recognises the request's session: by its access token if that is still valid, otherwise by renewing it.
     */
    Optional<TokenAuthentication> authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<AccessToken> access = this.cookies.accessToken(request).flatMap(this::verified);
        if (access.isPresent()) {
            return access.map(TokenAuthentication::new);
        }
        return renew(request, response);
    }

    /**
     * Exchanges the request's refresh cookie for new tokens, at most once per request. On success both cookies are
     * set anew; on a refusal both are cleared (but not when the renewal failed inside, {@link Refusal#ERROR}), and the
     * reason is left in the {@link #REFUSAL_ATTRIBUTE} attribute.
     */
    Optional<TokenAuthentication> renew(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(RENEWED_ATTRIBUTE) != null) {
            return Optional.empty();
        }
        request.setAttribute(RENEWED_ATTRIBUTE, Boolean.TRUE);
        Optional<String> refresh = this.cookies.refreshToken(request);
        TokenGrant grant = refresh.isPresent() ? this.sessions.renew(refresh.get(), Client.of(request))
                : new TokenGrant.Refused(Refusal.MISSING);
        if (grant instanceof TokenGrant.Granted granted) {
            TokenPair tokens = granted.tokens();
            this.cookies.write(request, response, tokens);
            return Optional.of(new TokenAuthentication(tokens.access()));
        }
        Refusal reason = ((TokenGrant.Refused) grant).reason();
        // A failure inside ends nothing: the cookies stay, to renew the session once it is over.
        if (refresh.isPresent() && reason != Refusal.ERROR) {
            this.cookies.clear(request, response);
        }
        request.setAttribute(REFUSAL_ATTRIBUTE, reason);
        return Optional.empty();
    }

    /**
     * Ends the request's session (found by the refresh cookie, or else by the access cookie) and clears both cookies.
     * With {@value #EVERYWHERE_PARAMETER} set, ends every session of the person whose cookies these are.
     */
    void end(HttpServletRequest request, HttpServletResponse response) {
        Client client = Client.of(request);
        boolean everywhere = request.getParameter(EVERYWHERE_PARAMETER) != null;
        boolean ended = this.cookies.refreshToken(request)
            .map((refresh) -> everywhere ? this.sessions.signOutEverywhere(refresh, client)
                    : this.sessions.signOut(refresh, client))
            .orElse(false);
        if (!ended) {
            this.cookies.accessToken(request)
                .flatMap(this::verified)
                .ifPresent((access) -> {
                    if (everywhere) {
                        this.sessions.signOutEverywhere(access, client);
                    }
                    else {
                        this.sessions.signOut(access, client);
                    }
                });
        }
        this.cookies.clear(request, response);
    }

    /** The access token of a cookie, if it is valid and its session has not ended. */
    private Optional<AccessToken> verified(String value) {
        try {
            AccessToken token = this.accessTokens.verify(value);
            if (this.endedSessions.contains(token.sessionId())) {
                this.refusals.refused(AccessTokenRefusals.Reason.REVOKED);
                log.debug("Access token cookie of the ended session {} refused", token.sessionId());
                return Optional.empty();
            }
            return Optional.of(token);
        }
        catch (InvalidTokenException ex) {
            this.refusals.refused(ex);
            log.debug("Access token cookie refused ({})", ex.getMessage());
            return Optional.empty();
        }
    }

}
