package dev.jwtflights.passkeys;

import java.util.LinkedHashSet;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The bean that Spring Security's {@code webAuthn()} finds by its type, besides the stores ({@link PasskeyStores}):
 * the relying party (from {@code app.passkeys}, asking every authenticator to verify its user: a passkey alone
 * replaces the password).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasskeyProperties.class)
class PasskeyConfiguration {

    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(PasskeyProperties properties,
            PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials) {
        PublicKeyCredentialRpEntity relyingParty = PublicKeyCredentialRpEntity.builder()
            .id(properties.rpId())
            .name(properties.rpName())
            .build();
        Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
                relyingParty, new LinkedHashSet<>(properties.allowedOrigins()));
        operations.setCustomizeCreationOptions((options) -> options.authenticatorSelection(
                AuthenticatorSelectionCriteria.builder()
                    .residentKey(ResidentKeyRequirement.REQUIRED)
                    .userVerification(UserVerificationRequirement.REQUIRED)
                    .build()));
        operations.setCustomizeRequestOptions(
                (options) -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return operations;
    }

}
