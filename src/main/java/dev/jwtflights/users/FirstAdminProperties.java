package dev.jwtflights.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.admin.*}: the first administrator, created on a database that has none. Both or neither.
 *
 * @param username the administrator's username
 * @param password their password, hashed before it is stored; never logged, nor shown by {@link #toString()}
 */
@ConfigurationProperties("app.admin")
record FirstAdminProperties(String username, String password) {

    FirstAdminProperties {
        boolean hasUsername = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUsername != hasPassword) {
            throw new IllegalArgumentException("app.admin.username and app.admin.password must be set together, or "
                    + "neither: " + (hasUsername ? "app.admin.password" : "app.admin.username") + " is missing");
        }
        if (hasPassword && !UserAccounts.acceptablePassword(password)) {
            throw new IllegalArgumentException("app.admin.password must be at least "
                    + UserAccounts.MIN_PASSWORD_LENGTH + " characters and at most " + UserAccounts.MAX_PASSWORD_BYTES
                    + " bytes (UTF-8) long");
        }
        username = hasUsername ? username.strip() : null;
    }

    boolean isSet() {
        return this.username != null;
    }

    @Override
    public String toString() {
        return "FirstAdminProperties[username=" + this.username + ", password="
                + ((this.password != null) ? "(set)" : "(unset)") + "]";
    }

}
