/**
 * The JSON side, for API clients: the OAuth 2.0 token endpoints ({@code /api/auth/token}, {@code refresh},
 * {@code revoke}) and the API's bearer filter chain, with Spring Security's RFC 6750 challenges and RFC 9728
 * metadata. Offers nothing to other modules: it is reached over HTTP.
 */
package dev.jwtflights.oauth;
