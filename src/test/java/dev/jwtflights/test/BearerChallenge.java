package dev.jwtflights.test;

/**
 * The API's RFC 6750 {@code WWW-Authenticate} challenges, as Spring Security's bearer-token entry point and
 * access-denied handler write them for this application at its default {@code app.jwt.issuer}, {@code
 * http://localhost:8080}: with the RFC 9728 link to the protected-resource metadata on a 401, and the error's
 * description and reference on a refused token.
 */
public final class BearerChallenge {

    private static final String METADATA = "resource_metadata="
            + "\"http://localhost:8080/.well-known/oauth-protected-resource\"";

    private static final String RFC_6750 = "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"";

    /** No token was sent. */
    public static final String MISSING = "Bearer " + METADATA;

    /** A token was sent and refused. */
    public static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", "
            + "error_description=\"The access token is invalid or expired\", " + RFC_6750 + ", " + METADATA;

    /** A valid token whose roles do not allow the request. */
    public static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\", "
            + "error_description=\"The request requires higher privileges than provided by the access token.\", "
            + RFC_6750;

    private BearerChallenge() {
    }

}
