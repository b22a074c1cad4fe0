package dev.jwtflights.passkeys;

import java.time.Instant;
import java.util.List;

import dev.jwtflights.system.Client;
import dev.jwtflights.test.TestClockConfiguration;
import dev.jwtflights.test.passkeys.TestPasskeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The passkeys in Spring Security's JDBC repositories on the Flyway tables: listing, removing one's own (never someone
 * else's), counting, an administrator removing a user's, and the events each change publishes.
 */
@DataJpaTest
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({ PasskeyStores.class, PasskeyConfiguration.class, Passkeys.class, TestClockConfiguration.class })
@RecordApplicationEvents
class PasskeysTests {

    private static final Client DESK = new Client("198.51.100.1", "Mozilla/5.0 Firefox/133.0");

    private static final Instant MONDAY = Instant.parse("2026-01-05T09:00:00Z");

    private static final Instant TUESDAY = Instant.parse("2026-01-06T09:00:00Z");

    @Autowired
    private Passkeys passkeys;

    @Autowired
    private UserCredentialRepository credentials;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationEvents events;

    @Test
    void saveWhenNewThenStoredAndAddedPublishedOnce() {
        String id = TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);

        assertThat(this.passkeys.of("secret")).singleElement().satisfies((passkey) -> {
            assertThat(passkey.id()).isEqualTo(id);
            assertThat(passkey.label()).isEqualTo("Laptop");
            assertThat(passkey.createdAt()).isEqualTo(MONDAY);
            assertThat(passkey.lastUsedAt()).isEqualTo(MONDAY);
        });
        assertThat(this.events.stream(PasskeyEvent.class)).singleElement()
            .isInstanceOfSatisfying(PasskeyEvent.Added.class, (added) -> {
                assertThat(added.username()).isEqualTo("secret");
                assertThat(added.label()).isEqualTo("Laptop");
                assertThat(added.actor()).isNull();
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "Lap\u0000top", "Lap\ntop" })
    void saveWhenNewAndTheLabelIsEmptyOrHasControlCharactersThenRefusedAndNothingStored(String label) {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TestPasskeys.add(this.context, "secret", label, MONDAY));

        assertThat(this.passkeys.of("secret")).isEmpty();
        assertThat(this.events.stream(PasskeyEvent.class)).isEmpty();
    }

    @Test
    void saveWhenNewThenTheLabelMayHave64CharactersButNoMore() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> TestPasskeys.add(this.context, "secret", "x".repeat(65), MONDAY));
        assertThat(this.passkeys.of("secret")).isEmpty();

        TestPasskeys.add(this.context, "secret", "x".repeat(64), MONDAY);

        assertThat(this.passkeys.of("secret")).singleElement()
            .satisfies((passkey) -> assertThat(passkey.label()).hasSize(64));
    }

    @Test
    void saveWhenKnownThenUpdatedAsASignInAndNothingPublished() {
        String id = TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);
        CredentialRecord stored = this.credentials.findByCredentialId(Bytes.fromBase64(id));
        this.events.clear();

        this.credentials.save(ImmutableCredentialRecord.fromCredentialRecord(stored)
            .signatureCount(7)
            .lastUsed(TUESDAY)
            .build());

        assertThat(this.passkeys.of("secret")).singleElement()
            .satisfies((passkey) -> assertThat(passkey.lastUsedAt()).isEqualTo(TUESDAY));
        assertThat(this.credentials.findByCredentialId(Bytes.fromBase64(id)).getSignatureCount()).isEqualTo(7);
        assertThat(this.events.stream(PasskeyEvent.class)).isEmpty();
    }

    @Test
    void ofWhenSeveralThenOnlyTheirsNewestFirst() {
        TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);
        TestPasskeys.add(this.context, "secret", "Phone", TUESDAY);
        TestPasskeys.add(this.context, "admin", "Security key", TUESDAY);

        assertThat(this.passkeys.of("secret")).extracting(Passkey::label).containsExactly("Phone", "Laptop");
        assertThat(this.passkeys.of("nobody")).isEmpty();
    }

    @Test
    void removeOwnWhenTheirsThenGoneAndRemovedPublished() {
        String id = TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);
        this.events.clear();

        assertThat(this.passkeys.removeOwn("secret", id, DESK)).isTrue();

        assertThat(this.passkeys.of("secret")).isEmpty();
        assertThat(this.events.stream(PasskeyEvent.class)).singleElement()
            .isInstanceOfSatisfying(PasskeyEvent.Removed.class, (removed) -> {
                assertThat(removed.username()).isEqualTo("secret");
                assertThat(removed.labels()).containsExactly("Laptop");
                assertThat(removed.actor()).isNull();
                assertThat(removed.client()).isEqualTo(DESK);
            });
    }

    @Test
    void removeOwnWhenSomeoneElsesThenRefusedAndKept() {
        String theirs = TestPasskeys.add(this.context, "admin", "Security key", MONDAY);
        TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);
        this.events.clear();

        assertThat(this.passkeys.removeOwn("secret", theirs, DESK)).isFalse();

        assertThat(this.passkeys.of("admin")).extracting(Passkey::id).containsExactly(theirs);
        assertThat(this.events.stream(PasskeyEvent.class)).isEmpty();
    }

    @Test
    void removeOwnWhenUnknownOrMalformedIdThenRefused() {
        TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);

        for (String id : List.of("", "AAAA", "not base64!", "x".repeat(2000))) {
            assertThat(this.passkeys.removeOwn("secret", id, DESK)).as(id).isFalse();
        }
        assertThat(this.passkeys.removeOwn("nobody", "AAAA", DESK)).isFalse();
        assertThat(this.passkeys.of("secret")).hasSize(1);
    }

    @Test
    void countsWhenSomeHavePasskeysThenTheirCountsByUsername() {
        TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);
        TestPasskeys.add(this.context, "secret", "Phone", TUESDAY);
        TestPasskeys.add(this.context, "admin", "Security key", TUESDAY);

        assertThat(this.passkeys.counts()).containsExactly(java.util.Map.entry("admin", 1L),
                java.util.Map.entry("secret", 2L));
    }

    @Test
    void removeAllOfWhenAnAdminThenEveryOneOfTheUserAndOneEventWithTheLabels() {
        TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);
        TestPasskeys.add(this.context, "secret", "Phone", TUESDAY);
        TestPasskeys.add(this.context, "admin", "Security key", TUESDAY);
        this.events.clear();

        assertThat(this.passkeys.removeAllOf("secret", "admin", DESK)).isEqualTo(2);

        assertThat(this.passkeys.of("secret")).isEmpty();
        assertThat(this.passkeys.of("admin")).hasSize(1);
        assertThat(this.events.stream(PasskeyEvent.class)).singleElement()
            .isInstanceOfSatisfying(PasskeyEvent.Removed.class, (removed) -> {
                assertThat(removed.labels()).containsExactlyInAnyOrder("Laptop", "Phone");
                assertThat(removed.actor()).isEqualTo("admin");
            });
    }

    @Test
    void removeAllOfWhenNoneThenZeroAndNothingPublished() {
        assertThat(this.passkeys.removeAllOf("secret", "admin", DESK)).isZero();

        assertThat(this.events.stream(PasskeyEvent.class)).isEmpty();
    }

    @Test
    void saveWhenASecondPasskeyOfTheSameUserThenOneUserEntityAndTwoCredentials() {
        TestPasskeys.add(this.context, "secret", "Laptop", MONDAY);
        TestPasskeys.add(this.context, "secret", "Phone", TUESDAY);

        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_entities WHERE name = 'secret'", Long.class))
            .isEqualTo(1);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM user_credentials", Long.class)).isEqualTo(2);
    }

}
