package dev.jwtflights.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the administrator named by {@code app.admin.username} and {@code app.admin.password} on a database that has
 * no ADMIN yet, so that a deployment without demo users can be signed in to; a database with an ADMIN is left alone,
 * so the settings may stay in place. The password is hashed at once and never logged. Runs before {@link DemoUsers},
 * which then finds the table no longer empty.
 */
@EnableConfigurationProperties(FirstAdminProperties.class)
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final FirstAdminProperties properties;

    private final AppUserRepository users;

    private final PasswordEncoder passwordEncoder;

    FirstAdmin(FirstAdminProperties properties, AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!this.properties.isSet()) {
            return;
        }
        String username = this.properties.username();
        if (this.users.existsByRole(Role.ADMIN)) {
            log.info("The database has an ADMIN already: app.admin.username '{}' not created", username);
            return;
        }
        if (this.users.findByUsername(username).isPresent()) {
            throw new IllegalStateException("app.admin.username names a user who exists and is no ADMIN: choose "
                    + "another name for the first administrator");
        }
        this.users.save(new AppUser(username, this.passwordEncoder.encode(this.properties.password()), Role.ADMIN));
        log.info("Created the first administrator '{}' (ADMIN) from app.admin.username and app.admin.password",
                username);
    }

}
