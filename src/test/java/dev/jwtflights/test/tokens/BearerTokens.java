package dev.jwtflights.test.tokens;

import java.util.List;
import java.util.UUID;

import dev.jwtflights.tokens.TokenService;
import dev.jwtflights.users.Role;

import org.springframework.boot.test.context.TestComponent;

/**
 * Mints real access tokens with the application's own token service (so the real jjwt path runs), for tests that
 * need a signed-in caller: {@code @Import(BearerTokens.class)}, then {@code bearerTokens.forRole(Role.ADMIN)}.
 */
@TestComponent
public class BearerTokens {

    private final TokenService tokenService;

    BearerTokens(TokenService tokenService) {
        this.tokenService = tokenService;
    }

    /** A fresh access token of a user named after the role ({@code test-admin}), in a session of its own. */
    public String forRole(Role role) {
        return forUser("test-" + role.name().toLowerCase(), role);
    }

    /** A fresh access token of the given user with the given role, in a session of its own. */
    public String forUser(String username, Role role) {
        return this.tokenService.issue(username, List.of(role.name()), UUID.randomUUID().toString()).value();
    }

    /** {@code Bearer <a fresh token for the role>}, for an Authorization header. */
    public String header(Role role) {
        return "Bearer " + forRole(role);
    }

}
