package dev.jwtflights.oauth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.jwtflights.sessions.Sessions;
import dev.jwtflights.sessions.TokenGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens for API clients (scripts, mobile and single-page apps): JSON in, JSON out, OAuth 2.0 field names and error
 * codes (RFC 6749 sections 5.1 and 5.2, RFC 7009 for revocation). No cookie is read or set, and no response may be
 * cached. Passwords are checked by Spring Security's {@link AuthenticationManager}, and sessions kept by the same
 * {@link Sessions} as the pages' cookies: the same rotation, reuse detection and grace.
 * <p>
 * Every refusal of a grant is the same {@code invalid_grant}, whatever its reason (which goes to the log where it is
 * decided), and so is a failure inside (a database error): a client is never told more, and never gets a 500.
 */
@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tokens", description = "Get, refresh and revoke tokens (OAuth 2.0 field names, JSON bodies)")
class TokenEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoint.class);

    private static final CacheControl NO_STORE = CacheControl.noStore();

    private final AuthenticationManager authenticationManager;

    private final Sessions sessions;

    TokenEndpoint(AuthenticationManager authenticationManager, Sessions sessions) {
        this.authenticationManager = authenticationManager;
        this.sessions = sessions;
    }

    @PostMapping("/token")
    @Operation(summary = "Sign in: exchange a username and password for tokens",
            description = "Starts a session. Wrong credentials, an unknown or disabled user all give the same "
                    + "invalid_grant.")
    @ApiResponse(responseCode = "200", description = "Signed in",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_grant: wrong credentials; invalid_request: the body "
            + "is not JSON, or a field is missing or not a string",
            content = @Content(schema = @Schema(implementation = TokenError.class)))
    ResponseEntity<?> token(@RequestBody TokenRequest request) {
        if (request.username() == null || request.password() == null) {
            return invalidRequest("'username' and 'password' are required");
        }
        Authentication authentication;
        try {
            authentication = this.authenticationManager
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(),
                        request.password()));
        }
        catch (AuthenticationException ex) {
            // Logged by the users' sign-in log, as for the login form.
            return invalidGrant();
        }
        catch (RuntimeException ex) {
            log.error("Token request could not be checked ({}); answering invalid_grant", ex.getClass().getSimpleName(),
                    ex);
            return invalidGrant();
        }
        return answer(this.sessions.start(authentication.getName()));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "A refresh token is accepted once. Presenting an already rotated one again ends its whole "
                    + "session, except within a few seconds of the rotation (concurrent clients).")
    @ApiResponse(responseCode = "200", description = "New tokens; the presented refresh token is used up",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_grant: the refresh token is unknown, expired, "
            + "revoked, already used, or its user is disabled; invalid_request: the body is not JSON, or "
            + "refresh_token is missing or not a string",
            content = @Content(schema = @Schema(implementation = TokenError.class)))
    ResponseEntity<?> refresh(@RequestBody RefreshTokenRequest request) {
        if (request.refreshToken() == null) {
            return invalidRequest("'refresh_token' is required");
        }
        return answer(this.sessions.renew(request.refreshToken()));
    }

    @PostMapping("/revoke")
    @Operation(summary = "Sign out: revoke a refresh token and its whole session (RFC 7009)",
            description = "Always 200, also for an unknown, expired or already revoked token. Access tokens already "
                    + "issued stay valid until they expire (one minute by default).")
    @ApiResponse(responseCode = "200", description = "Revoked, or nothing to revoke", content = @Content)
    @ApiResponse(responseCode = "400", description = "invalid_request: the body is not JSON, or refresh_token is "
            + "missing or not a string", content = @Content(schema = @Schema(implementation = TokenError.class)))
    ResponseEntity<?> revoke(@RequestBody RefreshTokenRequest request) {
        if (request.refreshToken() == null) {
            return invalidRequest("'refresh_token' is required");
        }
        this.sessions.revoke(request.refreshToken());
        return ResponseEntity.ok().cacheControl(NO_STORE).header(HttpHeaders.PRAGMA, "no-cache").build();
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<TokenError> unreadable(HttpMessageNotReadableException ex) {
        String field = field(ex);
        if (field != null) {
            return invalidRequest("'" + field + "' must be a string");
        }
        return invalidRequest("The request body must be a JSON object");
    }

    /** The JSON property that had a value of the wrong type, if that is what went wrong. */
    private static String field(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof MismatchedInputException mismatch && mismatch.getPath().size() == 1) {
            JacksonException.Reference reference = mismatch.getPath().get(0);
            return reference.getPropertyName();
        }
        return null;
    }

    private static ResponseEntity<?> answer(TokenGrant grant) {
        if (grant instanceof TokenGrant.Granted granted) {
            return ResponseEntity.ok()
                .cacheControl(NO_STORE)
                .header(HttpHeaders.PRAGMA, "no-cache")
                .body(TokenResponse.of(granted.tokens()));
        }
        return invalidGrant();
    }

    private static ResponseEntity<TokenError> invalidGrant() {
        return error(TokenError.INVALID_GRANT);
    }

    private static ResponseEntity<TokenError> invalidRequest(String description) {
        return error(TokenError.invalidRequest(description));
    }

    private static ResponseEntity<TokenError> error(TokenError error) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
            .cacheControl(NO_STORE)
            .header(HttpHeaders.PRAGMA, "no-cache")
            .contentType(MediaType.APPLICATION_JSON)
            .body(error);
    }

}
