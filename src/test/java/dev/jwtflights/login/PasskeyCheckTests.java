package dev.jwtflights.login;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The check of a passkey's assertion: a verified one of an enabled user signs in; a refused one (the relying party's
 * verification fails: an unknown passkey, a bad signature) and a verified one of a disabled user are refused, and each
 * refusal is published as a failure event of the request's token, for the audit trail.
 */
class PasskeyCheckTests {

    private final WebAuthnRelyingPartyOperations relyingParty = mock(WebAuthnRelyingPartyOperations.class);

    private final UserDetailsService users = mock(UserDetailsService.class);

    private final List<Object> published = new ArrayList<>();

    private final AuthenticationManager check = LoginSecurityConfiguration.passkeyCheck(this.relyingParty, this.users,
            this.published::add);

    private final WebAuthnAuthenticationRequestToken assertion = new WebAuthnAuthenticationRequestToken(
            mock(RelyingPartyAuthenticationRequest.class));

    @Test
    void checkWhenVerifiedAndTheUserIsEnabledThenSignedIn() {
        given(this.relyingParty.authenticate(any())).willReturn(entity("secret"));
        given(this.users.loadUserByUsername("secret")).willReturn(user("secret", true));

        Authentication signedIn = this.check.authenticate(this.assertion);

        assertThat(signedIn).isInstanceOf(WebAuthnAuthentication.class);
        assertThat(signedIn.getName()).isEqualTo("secret");
        assertThat(this.published).noneMatch(AbstractAuthenticationFailureEvent.class::isInstance);
    }

    @Test
    void checkWhenTheVerificationFailsThenBadCredentialsPublishedForTheAssertion() {
        given(this.relyingParty.authenticate(any())).willThrow(new IllegalArgumentException("bad signature"));

        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> this.check.authenticate(this.assertion));

        assertThat(this.published).filteredOn(AbstractAuthenticationFailureEvent.class::isInstance)
            .singleElement()
            .isInstanceOfSatisfying(AuthenticationFailureBadCredentialsEvent.class,
                    (event) -> assertThat(event.getAuthentication()).isSameAs(this.assertion));
    }

    @Test
    void checkWhenVerifiedButTheUserIsDisabledThenRefusedAsDisabledAndPublished() {
        given(this.relyingParty.authenticate(any())).willReturn(entity("secret"));
        given(this.users.loadUserByUsername("secret")).willReturn(user("secret", false));

        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> this.check.authenticate(this.assertion))
            .withCauseInstanceOf(DisabledException.class);

        assertThat(this.published).filteredOn(AbstractAuthenticationFailureEvent.class::isInstance)
            .singleElement()
            .satisfies((event) -> assertThat(((AbstractAuthenticationFailureEvent) event).getException())
                .hasCauseInstanceOf(DisabledException.class));
    }

    private static PublicKeyCredentialUserEntity entity(String username) {
        return ImmutablePublicKeyCredentialUserEntity.builder()
            .id(Bytes.random())
            .name(username)
            .displayName(username)
            .build();
    }

    private static User user(String username, boolean enabled) {
        return (User) User.withUsername(username).password("unused").roles("USER").disabled(!enabled).build();
    }

}
