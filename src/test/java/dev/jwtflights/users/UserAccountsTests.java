package dev.jwtflights.users;

import dev.jwtflights.system.Client;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What an administrator may change of a user, against the real schema, and the events each change publishes.
 */
@DataJpaTest
@Import({ UserAccounts.class, TestClockConfiguration.class, UserAccountsTests.Encoder.class })
@RecordApplicationEvents
class UserAccountsTests {

    private static final Client DESK = new Client("198.51.100.1", "Mozilla/5.0 Firefox/133.0");

    @Autowired
    private UserAccounts accounts;

    @Autowired
    private PasswordEncoder passwordEncoder;

    @Autowired
    private AppUserRepository users;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationEvents events;

    @Test
    void setEnabledFalseDisablesAndPublishesWhoDidIt() {
        this.users.save(new AppUser("secret", "{bcrypt}unused", Role.USER));

        assertThat(this.accounts.setEnabled("secret", false, "admin", DESK)).isTrue();
        this.users.flush(); // as the commit of setEnabled's own transaction would: find reads the database

        assertThat(this.accounts.find("secret")).hasValueSatisfying((account) -> assertThat(account.enabled()).isFalse());
        assertThat(this.events.stream(UserEvent.class)).singleElement().isInstanceOfSatisfying(UserEvent.Disabled.class,
                (event) -> {
                    assertThat(event.username()).isEqualTo("secret");
                    assertThat(event.actor()).isEqualTo("admin");
                    assertThat(event.client()).isEqualTo(DESK);
                });
    }

    @Test
    void setEnabledToWhatItIsPublishesNothing() {
        this.users.save(new AppUser("secret", "{bcrypt}unused", Role.USER));

        assertThat(this.accounts.setEnabled("secret", true, "admin", DESK)).isTrue();

        assertThat(this.events.stream(UserEvent.class)).isEmpty();
    }

    @Test
    void setEnabledTrueEnablesADisabledUser() {
        AppUser user = new AppUser("secret", "{bcrypt}unused", Role.USER);
        user.setEnabled(false);
        this.users.save(user);

        this.accounts.setEnabled("secret", true, "admin", DESK);
        this.users.flush();

        assertThat(this.accounts.find("secret")).hasValueSatisfying((account) -> assertThat(account.enabled()).isTrue());
        assertThat(this.events.stream(UserEvent.class)).singleElement().isInstanceOf(UserEvent.Enabled.class);
    }

    @Test
    void anUnknownUserIsSaidToBeSoAndNothingIsPublished() {
        assertThat(this.accounts.setEnabled("nobody", false, "admin", DESK)).isFalse();
        assertThat(this.accounts.setPassword("nobody", "long enough", "admin", DESK)).isFalse();
        assertThat(this.accounts.find("nobody")).isEmpty();
        assertThat(this.events.stream(UserEvent.class)).isEmpty();
    }

    @Test
    void setPasswordStoresOnlyItsHashAndPublishesNoPassword() {
        this.users.save(new AppUser("secret", "{bcrypt}unused", Role.USER));

        assertThat(this.accounts.setPassword("secret", "correct horse", "admin", DESK)).isTrue();
        this.users.flush();

        String hash = this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'secret'",
                String.class);
        assertThat(hash).doesNotContain("correct horse");
        assertThat(this.passwordEncoder.matches("correct horse", hash)).isTrue();
        assertThat(this.events.stream(UserEvent.class)).singleElement()
            .isInstanceOf(UserEvent.PasswordSet.class)
            .asString()
            .doesNotContain("correct horse");
    }

    @Test
    void setPasswordRefusesOneTooShortOrTooLongForBcryptAndChangesNothing() {
        this.users.save(new AppUser("secret", "{bcrypt}unused", Role.USER));

        assertThatIllegalArgumentException().isThrownBy(() -> this.accounts.setPassword("secret", "1234567", "a", DESK));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.accounts.setPassword("secret", "x".repeat(73), "a", DESK));
        assertThatIllegalArgumentException().isThrownBy(() -> this.accounts.setPassword("secret", null, "a", DESK));

        assertThat(this.jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'secret'",
                String.class)).isEqualTo("{bcrypt}unused");
        assertThat(this.events.stream(UserEvent.class)).isEmpty();
    }

    @Test
    void acceptablePasswordsAreEightCharactersToSeventyTwoBytes() {
        assertThat(UserAccounts.acceptablePassword("12345678")).isTrue();
        assertThat(UserAccounts.acceptablePassword("1234567")).isFalse();
        assertThat(UserAccounts.acceptablePassword("x".repeat(72))).isTrue();
        assertThat(UserAccounts.acceptablePassword("x".repeat(73))).isFalse();
        // Eight characters of two bytes each; 36 of them are 72 bytes, 37 are too many.
        assertThat(UserAccounts.acceptablePassword("é".repeat(8))).isTrue();
        assertThat(UserAccounts.acceptablePassword("é".repeat(36))).isTrue();
        assertThat(UserAccounts.acceptablePassword("é".repeat(37))).isFalse();
        // Characters, not UTF-16 units: four emoji are four characters.
        assertThat(UserAccounts.acceptablePassword("😀".repeat(4))).isFalse();
        assertThat(UserAccounts.acceptablePassword("😀".repeat(8))).isTrue();
    }

    @Test
    void listGivesEveryUserByNameWithoutAnyHash() {
        this.users.save(new AppUser("zoe", "{bcrypt}unused", Role.USER));
        this.users.save(new AppUser("adam", "{bcrypt}unused", Role.ADMIN));

        assertThat(this.accounts.list()).containsExactly(new Account("adam", Role.ADMIN, true),
                new Account("zoe", Role.USER, true));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Encoder {

        @Bean
        PasswordEncoder passwordEncoder() {
            return new BCryptPasswordEncoder(4);
        }

    }

}
