/**
 * Access tokens: the JWT rules ({@link dev.jwtflights.tokens.TokenService}, the only class that knows jjwt), the
 * signing key and the {@code app.jwt} access-token settings. Offers issuing and verifying tokens, and a
 * {@code JwtDecoder} bean through which Spring Security's resource server verifies bearer tokens by the same rules.
 */
package dev.jwtflights.tokens;
