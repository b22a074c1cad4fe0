package dev.jwtflights.tokens;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a verified access token makes of a request: an authenticated user with the token's roles, whose token is
 * kept for the API calls made on their behalf and never shown.
 */
class TokenAuthenticationTests {

    private final AccessToken token = new AccessToken("header.claims.signature", "jti-1", "admin", "session-1",
            List.of("USER", "ADMIN"), Instant.EPOCH, Instant.EPOCH.plusSeconds(60));

    private final TokenAuthentication authentication = new TokenAuthentication(this.token);

    @Test
    void isAnAuthenticatedUserWithTheTokensRolesAsRoleAuthorities() {
        assertThat(this.authentication.isAuthenticated()).isTrue();
        assertThat(this.authentication.getName()).isEqualTo("admin");
        assertThat(this.authentication.getPrincipal()).isEqualTo("admin");
        assertThat(this.authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .containsExactly("ROLE_USER", "ROLE_ADMIN");
    }

    @Test
    void keepsTheTokenAsItsCredentialsButNeverShowsIt() {
        assertThat(this.authentication.getCredentials()).isEqualTo("header.claims.signature");
        assertThat(this.authentication.token()).isSameAs(this.token);
        assertThat(this.authentication.toString()).doesNotContain("header.claims.signature").contains("session-1");
    }

}
