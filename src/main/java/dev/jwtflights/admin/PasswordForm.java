package dev.jwtflights.admin;

/**
 * The set-password form. Its {@link #toString()} never shows the password.
 *
 * @param username whose password is set
 * @param password the new password, as the administrator typed it
 * @param confirmation the same, typed again
 */
record PasswordForm(String username, String password, String confirmation) {

    @Override
    public String toString() {
        return "PasswordForm[username=" + this.username + "]";
    }

}
