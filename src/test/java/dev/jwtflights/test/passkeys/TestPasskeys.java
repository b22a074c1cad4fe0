package dev.jwtflights.test.passkeys;

import java.time.Instant;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Passkeys stored as a registration would store them, through the application's repositories, without an
 * authenticator: for the tests of the pages that list and remove them. Their public keys are made up: they never sign
 * anyone in.
 */
public final class TestPasskeys {

    private TestPasskeys() {
    }

    /**
     * Stores a passkey with that label for the user.
     * @return its credential id as the pages show it (base64url)
     */
    public static String add(ApplicationContext context, String username, String label, Instant at) {
        PublicKeyCredentialUserEntityRepository userEntities = context
            .getBean(PublicKeyCredentialUserEntityRepository.class);
        UserCredentialRepository credentials = context.getBean(UserCredentialRepository.class);
        PublicKeyCredentialUserEntity owner = userEntities.findByUsername(username);
        if (owner == null) {
            owner = ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.random())
                .name(username)
                .displayName(username)
                .build();
            userEntities.save(owner);
        }
        Bytes credentialId = Bytes.random();
        credentials.save(ImmutableCredentialRecord.builder()
            .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
            .credentialId(credentialId)
            .userEntityUserId(owner.getId())
            .publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3, 4 }))
            .signatureCount(0)
            .uvInitialized(true)
            .transports(Set.of(AuthenticatorTransport.INTERNAL))
            .backupEligible(false)
            .backupState(false)
            .created(at)
            .lastUsed(at)
            .label(label)
            .build());
        return credentialId.toBase64UrlString();
    }

}
