package dev.jwtflights.auth;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a verified access token. The token is kept as the credentials, so that the pages can
 * call the API on the user's behalf; {@link #toString()} never shows it.
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final AccessToken token;

    public TokenAuthentication(AccessToken token) {
        super(token.roles().stream().map((role) -> new SimpleGrantedAuthority(Role.AUTHORITY_PREFIX + role)).toList());
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
