package dev.jwtflights.passkeys;

import java.time.Clock;
import java.util.List;

import dev.jwtflights.system.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Spring Security's JDBC credential store, which also publishes a {@link PasskeyEvent.Added} when a passkey is saved
 * for the first time (its registration), in the same transaction. A save of a known passkey is its use at a sign-in
 * (a new signature count and last use), and publishes nothing.
 */
class PasskeyCredentials implements UserCredentialRepository {

    private static final Logger log = LoggerFactory.getLogger(PasskeyCredentials.class);

    /** As the page's label field allows. */
    static final int MAX_LABEL_LENGTH = 64;

    private final UserCredentialRepository credentials;

    private final PublicKeyCredentialUserEntityRepository userEntities;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    PasskeyCredentials(UserCredentialRepository credentials, PublicKeyCredentialUserEntityRepository userEntities,
            ApplicationEventPublisher events, Clock clock) {
        this.credentials = credentials;
        this.userEntities = userEntities;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void save(CredentialRecord record) {
        boolean added = this.credentials.findByCredentialId(record.getCredentialId()) == null;
        if (added) {
            requireLabel(record.getLabel());
        }
        this.credentials.save(record);
        if (added) {
            PublicKeyCredentialUserEntity owner = this.userEntities.findById(record.getUserEntityUserId());
            String username = (owner != null) ? owner.getName() : null;
            log.info("User '{}' added a passkey", username);
            this.events.publishEvent(new PasskeyEvent.Added(username, record.getLabel(), null, this.clock.instant(),
                    currentClient()));
        }
    }

    /**
     * A new passkey's label: 1 to {@value #MAX_LABEL_LENGTH} characters, not only spaces, no control characters (the
     * page's field allows as many). Anything else is the browser's mistake, which the registration answers with 400
     * ({@link PasskeyRegistrationRefusals}), before the database would refuse a label longer than its column.
     */
    private static void requireLabel(String label) {
        if (label == null || label.isBlank() || label.length() > MAX_LABEL_LENGTH
                || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a passkey's label must be 1 to " + MAX_LABEL_LENGTH
                    + " characters, without control characters");
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        this.credentials.delete(credentialId);
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return this.credentials.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return this.credentials.findByUserId(userId);
    }

    /** The client of the request being served: a registration always comes with one. */
    private static Client currentClient() {
        return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                ? Client.of(attributes.getRequest()) : Client.UNKNOWN;
    }

}
