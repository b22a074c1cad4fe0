package dev.jwtflights.auth;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What a user may do: read reservations, or also administer the application.
 */
enum Role {

    USER, ADMIN;

    /** Spring Security's prefix of role authorities: role {@code ADMIN} is the authority {@code ROLE_ADMIN}. */
    static final String AUTHORITY_PREFIX = "ROLE_";

    /** The role names (as written in the {@code roles} claim) of an authenticated user. */
    static List<String> namesOf(Authentication authentication) {
        return authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .filter((authority) -> authority.startsWith(AUTHORITY_PREFIX))
            .map((authority) -> authority.substring(AUTHORITY_PREFIX.length()))
            .toList();
    }

}
