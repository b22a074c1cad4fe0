/**
 * The JSON side, for API clients: the OAuth 2.0 token endpoints ({@code /api/auth/token}, {@code refresh},
 * {@code revoke}) and the API's bearer filter chain on Spring Security's resource server. Offers nothing to other
 * modules: it is reached over HTTP.
 */
package dev.jwtflights.oauth;
