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

/**
 * The demo logins on an empty database.
 */
@DataJpaTest
@ExtendWith(OutputCaptureExtension.class)
class DemoUsersTests {

    private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder();

    @Autowired
    private AppUserRepository users;

    private void run(boolean enabled) {
        new DemoUsers(new DemoUsersProperties(enabled), this.users, this.passwordEncoder)
            .run(new DefaultApplicationArguments());
    }

    @Test
    void runOnAnEmptyDatabaseThenSecretAndAdminWithBcryptHashesAndAWarning(CapturedOutput output) {
        run(true);

        AppUser secret = this.users.findByUsername("secret").orElseThrow();
        AppUser admin = this.users.findByUsername("admin").orElseThrow();
        assertThat(secret.getRole()).isEqualTo(Role.USER);
        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(secret.isEnabled()).isTrue();
        assertThat(secret.getPasswordHash()).startsWith("$2").isNotEqualTo("secret");
        assertThat(this.passwordEncoder.matches("secret", secret.getPasswordHash())).isTrue();
        assertThat(this.passwordEncoder.matches("admin", admin.getPasswordHash())).isTrue();
        assertThat(output).contains("WARN").contains("demo users");
    }

    @Test
    void runWhenUsersExistThenNothingIsAdded() {
        this.users.save(new AppUser("alice", this.passwordEncoder.encode("a-long-password"), Role.ADMIN));

        run(true);

        assertThat(this.users.findAll()).extracting(AppUser::getUsername).containsExactly("alice");
    }

    @Test
    void runWhenDisabledThenNoUsers() {
        run(false);

        assertThat(this.users.count()).isZero();
    }

}
