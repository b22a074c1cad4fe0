package dev.jwtflights.passkeys;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.jwtflights.system.Client;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people and administrators do with passkeys, besides the ceremonies: list a person's own, remove one of them,
 * count everyone's, and (an administrator) remove all of one user's. A person only ever reaches their own: a passkey
 * of someone else's is answered as one that does not exist. Every removal is published as a
 * {@link PasskeyEvent.Removed}.
 */
@Service
public class Passkeys {

    private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

    private static final String COUNT_SQL = "SELECT e.name, COUNT(*) FROM user_credentials c "
            + "JOIN user_entities e ON e.id = c.user_entity_user_id GROUP BY e.name";

    private final PublicKeyCredentialUserEntityRepository userEntities;

    private final UserCredentialRepository credentials;

    private final JdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Passkeys(PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials,
            JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A person's passkeys, newest first. */
    @Transactional(readOnly = true)
    public List<Passkey> of(String username) {
        return records(username).stream()
            .map(Passkeys::passkey)
            .sorted(Comparator.comparing(Passkey::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
            .toList();
    }

    /**
     * Removes one of a person's own passkeys.
     * @param id the credential id as the page shows it (base64url); anything else is no passkey
     * @return whether it was theirs, and now is removed
     */
    @Transactional
    public boolean removeOwn(String username, String id, Client client) {
        Optional<CredentialRecord> record = records(username).stream()
            .filter((candidate) -> candidate.getCredentialId().toBase64UrlString().equals(id))
            .findFirst();
        if (record.isEmpty()) {
            return false;
        }
        this.credentials.delete(record.get().getCredentialId());
        log.info("User '{}' removed a passkey", username);
        this.events.publishEvent(new PasskeyEvent.Removed(username, List.of(record.get().getLabel()), null,
                this.clock.instant(), client));
        return true;
    }

    /**
     * An administrator removes every passkey of a user.
     * @return how many were removed
     */
    @Transactional
    public int removeAllOf(String username, String admin, Client client) {
        List<CredentialRecord> records = records(username);
        if (records.isEmpty()) {
            return 0;
        }
        records.forEach((record) -> this.credentials.delete(record.getCredentialId()));
        log.info("Administrator '{}' removed the {} passkey(s) of user '{}'", admin, records.size(), username);
        this.events.publishEvent(new PasskeyEvent.Removed(username,
                records.stream().map(CredentialRecord::getLabel).toList(), admin, this.clock.instant(), client));
        return records.size();
    }

    /** How many passkeys each user with any has, by username in order. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        this.jdbc.query(COUNT_SQL, (row) -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    private List<CredentialRecord> records(String username) {
        if (username == null || username.isBlank()) {
            return List.of();
        }
        PublicKeyCredentialUserEntity entity = this.userEntities.findByUsername(username);
        return (entity != null) ? this.credentials.findByUserId(entity.getId()) : List.of();
    }

    private static Passkey passkey(CredentialRecord record) {
        return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
                record.getLastUsed());
    }

}
