/**
 * Access tokens: the JWT rules ({@link dev.jwtflights.tokens.TokenService}, the only class that knows jjwt), the
 * signing keys (one secret, or several named by their {@code kid}, for rotating them) and the {@code app.jwt}
 * access-token settings. Offers issuing and verifying tokens, and the {@link dev.jwtflights.tokens.TokenAuthentication}
 * that a verified token gives a request, from a cookie or a bearer header alike, and
 * {@link dev.jwtflights.tokens.AccessTokenRefusals}, the counter of refused tokens by reason.
 */
package dev.jwtflights.tokens;
