package dev.jwtflights.users;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.demo-users}: create the two demo logins on an empty database.
 */
@ConfigurationProperties("app")
record DemoUsersProperties(@DefaultValue("true") boolean demoUsers) {
}
