package dev.jwtflights.users;

/**
 * What a user may do: read reservations, or also administer the application.
 */
public enum Role {

    USER, ADMIN;

    /** Spring Security's prefix of role authorities: role {@code ADMIN} is the authority {@code ROLE_ADMIN}. */
    public static final String AUTHORITY_PREFIX = "ROLE_";

}
