package dev.jwtflights.tokens;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a verified access token, from a cookie (the pages) or a bearer header (the API). Its roles
 * claim gives the authorities. The token is kept as the credentials, so that the pages' API client can send it on the
 * user's behalf; {@link #toString()} never shows it.
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    /** Spring Security's prefix of role authorities ({@code hasRole("ADMIN")} checks {@code ROLE_ADMIN}). */
    private static final String ROLE_PREFIX = "ROLE_";

    private final AccessToken token;

    public TokenAuthentication(AccessToken token) {
        super(token.roles().stream().map((role) -> new SimpleGrantedAuthority(ROLE_PREFIX + role)).toList());
        this.token = token;
        setAuthenticated(true);
    }

    public AccessToken token() {
        return this.token;
    }

    @Override
    public String getPrincipal() {
        return this.token.username();
    }

    @Override
    public String getCredentials() {
        return this.token.value();
    }

    @Override
    public String getName() {
        return this.token.username();
    }

    @Override
    public String toString() {
        return "TokenAuthentication[username=" + this.token.username() + ", sessionId=" + this.token.sessionId()
                + ", roles=" + this.token.roles() + "]";
    }

}
