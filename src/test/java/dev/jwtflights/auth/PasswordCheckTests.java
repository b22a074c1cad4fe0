package dev.jwtflights.auth;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.spy;

/**
 * The password check shared by the login form and the token endpoint.
 */
class PasswordCheckTests {

    private final PasswordEncoder passwordEncoder = spy(new BCryptPasswordEncoder(4));

    private final AuthenticationManager manager = new SecurityConfiguration().authenticationManager(
            new InMemoryUserDetailsManager(
                    User.withUsername("alice").password(this.passwordEncoder.encode("right")).roles("USER").build(),
                    User.withUsername("bob")
                        .password(this.passwordEncoder.encode("right"))
                        .roles("USER")
                        .disabled(true)
                        .build()),
            this.passwordEncoder);

    @Test
    void authenticateWithTheRightPasswordThenAuthenticatedWithItsRoleNames() {
        Authentication authentication = this.manager
            .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "right"));

        // Spring Security 7 adds a FACTOR_PASSWORD authority: only the roles go into tokens.
        assertThat(Role.namesOf(authentication)).containsExactly("USER");
    }

    @Test
    void authenticateADisabledUserThenRefusedAfterItsPasswordWasCheckedLikeAnyOther() {
        assertThatExceptionOfType(DisabledException.class).isThrownBy(() -> this.manager
            .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("bob", "wrong")));

        then(this.passwordEncoder).should().matches(eq("wrong"), anyString());
    }

    @Test
    void authenticateAnUnknownUserThenBadCredentials() {
        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.manager
            .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "right")));
    }

}
