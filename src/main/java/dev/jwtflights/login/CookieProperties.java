package dev.jwtflights.login;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the authentication cookies ({@code app.cookies.*}).
 *
 * @param secure mark the cookies {@code Secure} on every response, not only on those to HTTPS requests
 */
@ConfigurationProperties("app.cookies")
record CookieProperties(boolean secure) {
}
