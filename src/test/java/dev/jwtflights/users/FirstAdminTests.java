package dev.jwtflights.users;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The first administrator from {@code app.admin.username} and {@code app.admin.password}.
 */
@DataJpaTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

    private static final String PASSWORD = "correct-horse-battery";

    private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder();

    @Autowired
    private AppUserRepository users;

    private void run(String username, String password) {
        new FirstAdmin(new FirstAdminProperties(username, password), this.users, this.passwordEncoder)
            .run(new DefaultApplicationArguments());
    }

    @Test
    void runOnADatabaseWithoutAdminThenAdminCreatedWithABcryptHashAndNoPasswordInTheLog(CapturedOutput output) {
        this.users.save(new AppUser("alice", this.passwordEncoder.encode("a-long-password"), Role.USER));

        run("root", PASSWORD);

        AppUser root = this.users.findByUsername("root").orElseThrow();
        assertThat(root.getRole()).isEqualTo(Role.ADMIN);
        assertThat(root.isEnabled()).isTrue();
        assertThat(root.getPasswordHash()).startsWith("$2").doesNotContain(PASSWORD);
        assertThat(this.passwordEncoder.matches(PASSWORD, root.getPasswordHash())).isTrue();
        assertThat(output).contains("Created the first administrator 'root'").doesNotContain(PASSWORD);
    }

    @Test
    void runTwiceThenCreatedOnceAndSkippedTheSecondTimeWithoutThePassword(CapturedOutput output) {
        run("root", PASSWORD);
        String hash = this.users.findByUsername("root").orElseThrow().getPasswordHash();

        run("root", "another-long-password");

        assertThat(this.users.count()).isOne();
        assertThat(this.users.findByUsername("root").orElseThrow().getPasswordHash()).isEqualTo(hash);
        assertThat(output).contains("not created").doesNotContain(PASSWORD).doesNotContain("another-long-password");
    }

    @Test
    void runWhenAnAdminExistsThenNothingIsAddedAndTheSkipIsLogged(CapturedOutput output) {
        this.users.save(new AppUser("admin", this.passwordEncoder.encode("a-long-password"), Role.ADMIN));

        run("root", PASSWORD);

        assertThat(this.users.findAll()).extracting(AppUser::getUsername).containsExactly("admin");
        assertThat(output).contains("has an ADMIN already").contains("'root' not created").doesNotContain(PASSWORD);
    }

    @Test
    void runWhenUnsetThenNoUser() {
        run(null, null);

        assertThat(this.users.count()).isZero();
    }

    @Test
    void runWhenTheNameIsAUserWhoIsNoAdminThenRefusedNamingTheProperty() {
        this.users.save(new AppUser("root", this.passwordEncoder.encode("a-long-password"), Role.USER));

        assertThatIllegalStateException().isThrownBy(() -> run("root", PASSWORD))
            .withMessageContaining("app.admin.username")
            .withMessageNotContaining(PASSWORD);
        assertThat(this.users.existsByRole(Role.ADMIN)).isFalse();
    }

    @Test
    void settingsWhenUsernameWithoutPasswordThenRefusedNamingBoth() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FirstAdminProperties("root", null))
            .withMessageContaining("app.admin.username and app.admin.password must be set together")
            .withMessageContaining("app.admin.password is missing");
    }

    @Test
    void settingsWhenPasswordWithoutUsernameThenRefusedNamingBoth() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FirstAdminProperties(" ", PASSWORD))
            .withMessageContaining("app.admin.username and app.admin.password must be set together")
            .withMessageContaining("app.admin.username is missing")
            .withMessageNotContaining(PASSWORD);
    }

    @Test
    void settingsWhenPasswordTooShortThenRefusedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FirstAdminProperties("root", "short"))
            .withMessageContaining("app.admin.password must be at least 8 characters");
    }

    @Test
    void settingsWhenPasswordLongerThanBcryptReadsThenRefused() {
        String tooLong = "x".repeat(UserAccounts.MAX_PASSWORD_BYTES + 1);

        assertThatIllegalArgumentException().isThrownBy(() -> new FirstAdminProperties("root", tooLong))
            .withMessageContaining("app.admin.password")
            .withMessageNotContaining(tooLong);
    }

    @Test
    void settingsToStringThenNoPassword() {
        assertThat(new FirstAdminProperties("root", PASSWORD).toString()).contains("root").doesNotContain(PASSWORD);
    }

}
