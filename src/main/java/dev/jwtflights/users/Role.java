package dev.jwtflights.users;

/**
 * What a user may do: read reservations, or also administer the application.
 */
public enum Role {

    USER, ADMIN

}
