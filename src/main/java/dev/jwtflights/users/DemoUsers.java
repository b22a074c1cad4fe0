package dev.jwtflights.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty user table, creates {@code secret}/{@code secret} (USER) and {@code admin}/{@code admin} (ADMIN), unless
 * {@code app.demo-users} is false.
 */
@EnableConfigurationProperties(DemoUsersProperties.class)
@Component
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final DemoUsersProperties properties;

    private final AppUserRepository users;

    private final PasswordEncoder passwordEncoder;

    DemoUsers(DemoUsersProperties properties, AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.properties = properties;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!this.properties.demoUsers() || this.users.count() > 0) {
            return;
        }
        this.users.save(new AppUser("secret", this.passwordEncoder.encode("secret"), Role.USER));
        this.users.save(new AppUser("admin", this.passwordEncoder.encode("admin"), Role.ADMIN));
        log.warn("Created the demo users 'secret' (USER) and 'admin' (ADMIN) with their well-known passwords. "
                + "Set app.demo-users=false for any real deployment.");
    }

}
