package dev.jwtflights.login;

import dev.jwtflights.tokens.AccessToken;
import dev.jwtflights.users.Role;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A page request authenticated by the verified access token of its cookie. The token is kept as the credentials, so
 * that the pages' API client can send it on the user's behalf; {@link #toString()} never shows it.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final AccessToken token;

    TokenAuthentication(AccessToken token) {
        super(token.roles().stream().map((role) -> new SimpleGrantedAuthority(Role.AUTHORITY_PREFIX + role)).toList());
        this.token = token;
        setAuthenticated(true);
    }

    AccessToken token() {
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
