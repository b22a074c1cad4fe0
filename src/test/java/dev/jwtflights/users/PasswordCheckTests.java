package dev.jwtflights.users;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
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

    private final List<Object> events = new ArrayList<>();

    private final AuthenticationManager manager = PasswordConfiguration.passwordCheck(
            new InMemoryUserDetailsManager(
                    User.withUsername("alice").password(this.passwordEncoder.encode("right")).roles("USER").build(),
                    User.withUsername("bob")
                        .password(this.passwordEncoder.encode("right"))
                        .roles("USER")
                        .disabled(true)
                        .build()),
            this.passwordEncoder, this.events::add);

    @Test
    void authenticateWithTheRightPasswordThenAuthenticatedWithItsRoleNames() {
        Authentication authentication = this.manager
            .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "right"));

        assertThat(authentication.getName()).isEqualTo("alice");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .contains("ROLE_USER");
        assertThat(this.events).singleElement().isInstanceOf(AuthenticationSuccessEvent.class);
    }

    @Test
    void authenticateWithAWrongPasswordThenAFailureEventForTheSignInLog() {
        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.manager
            .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "wrong")));

        assertThat(this.events).singleElement().isInstanceOf(AuthenticationFailureBadCredentialsEvent.class);
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
