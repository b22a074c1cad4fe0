package dev.jwtflights.oauth;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.OAuthFlow;
import io.swagger.v3.oas.annotations.security.OAuthFlows;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.jwtflights.sessions.Refusal;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.sessions.TokenGrant;
import dev.jwtflights.system.Client;
import dev.jwtflights.throttle.LoginThrottledException;
import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.tokens.InvalidTokenException;
import dev.jwtflights.tokens.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens for API clients (scripts, mobile and single-page apps, OAuth 2.0 client libraries): the token endpoint of
 * RFC 6749 with the password and refresh-token grants, a refresh endpoint of our own, and RFC 7009 revocation. Each
 * takes {@code application/x-www-form-urlencoded}, as the RFCs define, or JSON, and answers JSON: tokens (section
 * 5.1), an empty object for a revocation, or an OAuth error (section 5.2), whatever went wrong
 * ({@link TokenErrorFormat}). No cookie is read or set, no answer may be cached, and no parameter is taken from the
 * URL. Passwords are checked by Spring Security's {@link AuthenticationManager}, and sessions kept by the same
 * {@link Sessions} as the pages' cookies: the same rotation, reuse detection and grace.
 * <p>
 * Every refusal of a grant is the same {@code invalid_grant}, whatever its reason (which goes to the log where it is
 * decided), and so is a failure inside the password check or the sessions (a database error): a client is never told
 * more. Only a fault of ours elsewhere is a 500 {@code server_error}. A password grant that the login throttle refuses
 * unchecked (too many failures of its username or from its address) is a 429 {@code temporarily_unavailable} with
 * {@code Retry-After}, the same for an unknown username as for a known one.
 * <p>
 * The password grant is one that RFC 9700 (OAuth 2.0 Security Best Current Practice) says must not be used, because it
 * hands the user's password to the client. It is offered here because the API's one client is first-party: the
 * same people's own scripts and apps, for which the alternative (a browser redirect flow) would add an authorization
 * server and change nothing about who sees the password. The browser never uses it: people sign in on the login page.
 */
@RestController
@RequestMapping("/api/auth")
@SecurityScheme(name = "oauth2", type = SecuritySchemeType.OAUTH2, description = "Sign in with a username and "
        + "password at the token endpoint (Swagger UI's Authorize dialog does it by itself; the client id is not "
        + "checked, leave the secret empty)", flows = @OAuthFlows(password = @OAuthFlow(tokenUrl = "/api/auth/token",
                refreshUrl = "/api/auth/token")))
@Tag(name = "Tokens", description = "Get, refresh and revoke tokens (OAuth 2.0: RFC 6749 and RFC 7009). Each "
        + "endpoint takes a form (application/x-www-form-urlencoded) or JSON, and answers JSON; every error is an "
        + "OAuth 2.0 error object.")
class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private static final String UNAVAILABLE = "temporarily_unavailable: the request could not be handled for "
            + "now (the database is unreachable, say); nothing was refused: keep the refresh token and try again later";

    private static final String TOO_LARGE = "invalid_request: a body larger than 16 KB";

    private static final String NOT_FORM_OR_JSON = "invalid_request: a body that is neither "
            + "application/x-www-form-urlencoded nor application/json";

    private final AuthenticationManager authenticationManager;

    private final Sessions sessions;

    private final TokenService tokenService;

    TokenEndpoint(AuthenticationManager authenticationManager, Sessions sessions, TokenService tokenService) {
        this.authenticationManager = authenticationManager;
        this.sessions = sessions;
        this.tokenService = tokenService;
    }

    @PostMapping(path = "/token", consumes = FORM)
    @Hidden // Documented with the JSON mapping of the same operation, as its second body type.
    ResponseEntity<Object> tokenFromForm(@RequestBody(required = false) MultiValueMap<String, String> form,
            HttpServletRequest request) {
        refuseQuery(request);
        return token(TokenRequest.of(new FormParameters(form)), Client.of(request));
    }

    @PostMapping(path = "/token", consumes = JSON)
    @Operation(summary = "Sign in with a password, or refresh (RFC 6749 token endpoint)",
            description = "grant_type=password (username, password) starts a session; grant_type=refresh_token "
                    + "(refresh_token) renews one, exactly as POST /api/auth/refresh. Wrong credentials, an unknown "
                    + "or disabled user, and a refused refresh token all give the same invalid_grant. Failed "
                    + "password grants are throttled per username and per client address (by default 5 and 30 per "
                    + "minute): beyond that, 429 until Retry-After says, before the password is checked.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = FORM, schema = @Schema(implementation = TokenRequest.class,
                    requiredProperties = "grant_type")),
            @Content(mediaType = JSON, schema = @Schema(implementation = TokenRequest.class)) })
    @ApiResponse(responseCode = "200", description = "Tokens", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_grant: wrong credentials, or a refused refresh token; "
            + "unsupported_grant_type; invalid_request: a parameter missing, repeated, not a string, or in the URL; "
            + "a body that is not a JSON object", content = @Content(mediaType = JSON,
                    schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "413", description = TOO_LARGE, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "415", description = NOT_FORM_OR_JSON, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "429", description = "temporarily_unavailable: a password grant refused unchecked, "
            + "because its username, or its client address, failed too often lately (the same for an unknown "
            + "username); try again after Retry-After", headers = @Header(name = HttpHeaders.RETRY_AFTER,
                    description = "Seconds to wait before the next attempt", required = true,
                    schema = @Schema(type = "integer", minimum = "1")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "503", description = UNAVAILABLE, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    ResponseEntity<Object> token(@RequestBody TokenRequest body, HttpServletRequest request) {
        refuseQuery(request);
        return token(body.passwordUnlessNamed(), Client.of(request));
    }

    @PostMapping(path = "/refresh", consumes = FORM)
    @Hidden // Documented with the JSON mapping of the same operation, as its second body type.
    ResponseEntity<Object> refreshFromForm(@RequestBody(required = false) MultiValueMap<String, String> form,
            HttpServletRequest request) {
        refuseQuery(request);
        return refresh(RefreshTokenRequest.of(new FormParameters(form)).refreshToken(), Client.of(request));
    }

    @PostMapping(path = "/refresh", consumes = JSON)
    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "A refresh token is accepted once. Presenting an already rotated one again ends its whole "
                    + "session, except within a few seconds of the rotation (concurrent clients). The same as "
                    + "POST /api/auth/token with grant_type=refresh_token.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = FORM, schema = @Schema(implementation = RefreshTokenRequest.class)),
            @Content(mediaType = JSON, schema = @Schema(implementation = RefreshTokenRequest.class)) })
    @ApiResponse(responseCode = "200", description = "New tokens; the presented refresh token is used up",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_grant: the refresh token is unknown, expired, "
            + "revoked, already used, or its user is disabled; invalid_request: refresh_token missing, repeated, not "
            + "a string, or in the URL; a body that is not a JSON object", content = @Content(mediaType = JSON,
                    schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "413", description = TOO_LARGE, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "415", description = NOT_FORM_OR_JSON, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "503", description = UNAVAILABLE, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    ResponseEntity<Object> refresh(@RequestBody RefreshTokenRequest body, HttpServletRequest request) {
        refuseQuery(request);
        return refresh(body.refreshToken(), Client.of(request));
    }

    @PostMapping(path = "/revoke", consumes = FORM)
    @Hidden // Documented with the JSON mapping of the same operation, as its second body type.
    ResponseEntity<Object> revokeFromForm(@RequestBody(required = false) MultiValueMap<String, String> form,
            HttpServletRequest request) {
        refuseQuery(request);
        return revoke(RevocationRequest.of(new FormParameters(form)).tokenToRevoke(), Client.of(request));
    }

    @PostMapping(path = "/revoke", consumes = JSON)
    @Operation(summary = "Sign out: revoke a session by its refresh token or an access token (RFC 7009)",
            description = "Ends the whole session of the token. 200 with {}, also for an unknown, expired or "
                    + "already revoked token. The session's access tokens are refused from then on, as its refresh "
                    + "tokens are. 503 temporarily_unavailable if it could not be done: nothing was revoked.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = FORM, schema = @Schema(implementation = RevocationRequest.class)),
            @Content(mediaType = JSON, schema = @Schema(implementation = RevocationRequest.class)) })
    @ApiResponse(responseCode = "200", description = "Revoked, or nothing to revoke",
            content = @Content(mediaType = JSON, schema = @Schema(type = "object", maxProperties = 0)))
    @ApiResponse(responseCode = "400", description = "invalid_request: token missing, repeated, not a string, or in "
            + "the URL; a body that is not a JSON object", content = @Content(mediaType = JSON,
                    schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "413", description = TOO_LARGE, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "415", description = NOT_FORM_OR_JSON, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "503", description = UNAVAILABLE, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = TokenError.class)))
    ResponseEntity<Object> revoke(@RequestBody RevocationRequest body, HttpServletRequest request) {
        refuseQuery(request);
        return revoke(body.tokenToRevoke(), Client.of(request));
    }

    private ResponseEntity<Object> token(TokenRequest request, Client client) {
        if (request.grantType() == null) {
            throw new InvalidTokenRequestException("'grant_type' is required");
        }
        return switch (request.grantType()) {
            case TokenRequest.PASSWORD -> password(request.username(), request.password(), client);
            case TokenRequest.REFRESH_TOKEN -> refresh(request.refreshToken(), client);
            default -> error(TokenError.unsupportedGrantType("grant_type must be 'password' or 'refresh_token'"));
        };
    }

    private ResponseEntity<Object> password(String username, String password, Client client) {
        if (username == null || password == null) {
            throw new InvalidTokenRequestException("'username' and 'password' are required");
        }
        // Trimmed, as the login form's filter trims it: one username rule on every way in.
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
            .unauthenticated(username.trim(), password);
        // Where it came from, as the login form's filter says it: the login throttle counts per address too.
        attempt.setDetails(new WebAuthenticationDetails(client.ipAddress(), null));
        Authentication authentication;
        try {
            authentication = this.authenticationManager.authenticate(attempt);
        }
        catch (LoginThrottledException ex) {
            return throttled(ex);
        }
        catch (AuthenticationServiceException ex) {
            // The password could not be checked (the user lookup failed): no refusal of the credentials.
            log.error("Token request could not be checked ({}); answering temporarily_unavailable",
                    ex.getClass().getSimpleName(), ex);
            return unavailable();
        }
        catch (AuthenticationException ex) {
            // Logged by the users' sign-in log, as for the login form.
            return error(TokenError.INVALID_GRANT);
        }
        catch (RuntimeException ex) {
            log.error("Token request could not be checked ({}); answering temporarily_unavailable",
                    ex.getClass().getSimpleName(), ex);
            return unavailable();
        }
        return answer(this.sessions.start(authentication.getName(), client));
    }

    private ResponseEntity<Object> refresh(String refreshToken, Client client) {
        if (refreshToken == null) {
            throw new InvalidTokenRequestException("'refresh_token' is required");
        }
        return answer(this.sessions.renew(refreshToken, client));
    }

    /**
     * Ends the session of the token, whichever kind it is: an access token of ours that is still valid names its
     * session; anything else is looked for as a refresh token. An expired access token ends nothing: it no longer
     * speaks for anyone, and an old one found in a log must not be a way to sign its user out.
     */
    private ResponseEntity<Object> revoke(String token, Client client) {
        AccessToken accessToken = accessTokenOrNull(token);
        boolean revoked = (accessToken != null) ? this.sessions.signOut(accessToken, client)
                : this.sessions.revoke(token, client);
        // Failed, and logged by the sessions: the client must not believe the session ended (RFC 7009 §2.2.1).
        return revoked ? ok(Map.of()) : unavailable();
    }

    private AccessToken accessTokenOrNull(String token) {
        try {
            return this.tokenService.verify(token);
        }
        catch (InvalidTokenException ex) {
            return null;
        }
    }

    @ExceptionHandler(InvalidTokenRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidTokenRequestException ex) {
        return error(TokenError.invalidRequest(ex.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex) {
        String field = field(ex);
        if (field != null) {
            return error(TokenError.invalidRequest("'" + field + "' must be a string"));
        }
        return error(TokenError.invalidRequest("The request body must be a JSON object, with each field at most once"));
    }

    /**
     * Parameters belong in the body (RFC 6749 section 3.2): a URL with credentials or tokens in it ends up in logs and
     * browser histories, so a query string is refused rather than ignored.
     */
    private static void refuseQuery(HttpServletRequest request) {
        if (request.getQueryString() != null) {
            throw new InvalidTokenRequestException("Send the parameters in the request body, not in the URL");
        }
    }

    /** The JSON property that had a value of the wrong type, if that is what went wrong. */
    private static String field(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof MismatchedInputException mismatch && mismatch.getPath().size() == 1) {
            JacksonException.Reference reference = mismatch.getPath().get(0);
            return reference.getPropertyName();
        }
        return null;
    }

    private static ResponseEntity<Object> answer(TokenGrant grant) {
        if (grant instanceof TokenGrant.Granted granted) {
            return ok(TokenResponse.of(granted.tokens()));
        }
        if (grant instanceof TokenGrant.Refused refused && refused.reason() == Refusal.ERROR) {
            return unavailable();
        }
        return error(TokenError.INVALID_GRANT);
    }

    /**
     * The session could not be started or renewed because something failed inside (the database is unreachable,
     * say): not a refusal. An {@code invalid_grant} would tell the client to discard its refresh token and sign its
     * user in again; this tells it to keep the token and try again later.
     */
    private static ResponseEntity<Object> unavailable() {
        return TokenErrorFormat.noStore(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE))
            .body(TokenError.temporarilyUnavailable("The service is unavailable for a moment: try again later"));
    }

    private static ResponseEntity<Object> ok(Object body) {
        return TokenErrorFormat.noStore(ResponseEntity.ok()).body(body);
    }

    private static ResponseEntity<Object> throttled(LoginThrottledException ex) {
        long seconds = ex.retryAfterSeconds();
        return TokenErrorFormat.noStore(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS))
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
            .body(TokenError.temporarilyUnavailable("Too many failed sign-ins: try again in " + seconds
                    + ((seconds == 1) ? " second" : " seconds")));
    }

    private static ResponseEntity<Object> error(TokenError error) {
        return TokenErrorFormat.noStore(ResponseEntity.status(HttpStatus.BAD_REQUEST)).body(error);
    }

}
