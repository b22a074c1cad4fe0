package dev.jwtflights.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.jwtflights.system.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the access tokens ({@code app.jwt.*}; the refresh-token settings under the same prefix belong to the
 * sessions).
 * <p>
 * The signing key is given in one of two ways, never both: {@code app.jwt.secret}, one key and no {@code kid}; or
 * {@code app.jwt.keys}, an ordered list of keys named by their {@code kid}, of which the first signs and all verify, so
 * that the key can be changed without refusing the tokens already issued. With neither, a random key is made at start.
 *
 * @param secret the HMAC key as text; its UTF-8 bytes must be at least 32 bytes long; when unset (and no
 * {@code keys}) a random key is generated at startup
 * @param keys the HMAC keys by {@code kid}: the first signs, every one of them verifies; empty when unset
 * @param issuer the {@code iss} claim, and the issuer identifier of the OAuth metadata (RFC 8414, RFC 9068): the URL
 * that clients reach the application at, an origin with no path
 * @param audience the {@code aud} claim
 */
@ConfigurationProperties("app.jwt")
record JwtProperties(
        String secret,
        List<SigningKey> keys,
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("jwt-flights") String audience,
        @DefaultValue("1m") Duration accessTokenTtl,
        @DefaultValue("0s") Duration clockSkew) {

    static final int MIN_SECRET_BYTES = 32;

    JwtProperties {
        if (secret != null && !secret.isBlank() && !isLongEnough(secret)) {
            throw new IllegalArgumentException("app.jwt.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (UTF-8) long for HS256; leave app.jwt.secret unset to use a random key");
        }
        keys = checkedKeys(keys);
        if (secret != null && !secret.isBlank() && !keys.isEmpty()) {
            throw new IllegalArgumentException("app.jwt.secret and app.jwt.keys are both set: set only one of them "
                    + "(to name the key, move it into app.jwt.keys with a kid and unset app.jwt.secret)");
        }
        Settings.requireOrigin(issuer, "app.jwt.issuer");
        Settings.requireText(audience, "app.jwt.audience");
        Settings.requirePositive(accessTokenTtl, "app.jwt.access-token-ttl");
        Settings.requireNotNegative(clockSkew, "app.jwt.clock-skew");
    }

    /**
     * The keys, each with a kid of its own and a secret of at least 32 bytes. The messages name the property and hold
     * no value: not a secret, nor a kid (which could be a secret typed in the wrong place).
     */
    private static List<SigningKey> checkedKeys(List<SigningKey> keys) {
        if (keys == null) {
            return List.of();
        }
        Map<String, Integer> indexByKid = new HashMap<>();
        for (int index = 0; index < keys.size(); index++) {
            String property = "app.jwt.keys[" + index + "]";
            SigningKey key = keys.get(index);
            if (key == null || key.kid() == null || key.kid().isBlank()) {
                throw new IllegalArgumentException(property + ".kid must not be blank: every key needs a kid, the "
                        + "name that the tokens it signs carry");
            }
            if (key.secret() == null || key.secret().isBlank() || !isLongEnough(key.secret())) {
                throw new IllegalArgumentException(property + ".secret must be at least " + MIN_SECRET_BYTES
                        + " bytes (UTF-8) long for HS256");
            }
            Integer first = indexByKid.putIfAbsent(key.kid(), index);
            if (first != null) {
                throw new IllegalArgumentException(property + ".kid is the same as app.jwt.keys[" + first
                        + "].kid: every key needs a kid of its own");
            }
        }
        return List.copyOf(keys);
    }

    private static boolean isLongEnough(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES;
    }

    /** A blank secret counts as none: it would be a key anyone can guess. */
    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    /** Whether the keys are named ({@code app.jwt.keys}): then every token carries the {@code kid} of its key. */
    boolean hasKeys() {
        return !keys.isEmpty();
    }

    @Override
    public String toString() {
        return "JwtProperties[secret=" + (hasSecret() ? "(set)" : "(unset)") + ", keys=" + keys + ", issuer=" + issuer
                + ", audience=" + audience + ", accessTokenTtl=" + accessTokenTtl + ", clockSkew=" + clockSkew + "]";
    }

    /**
     * One HMAC key of {@code app.jwt.keys}.
     *
     * @param kid the key's name, written in the {@code kid} header of the tokens it signs
     * @param secret the HMAC key as text; its UTF-8 bytes must be at least 32 bytes long
     */
    record SigningKey(String kid, String secret) {

        @Override
        public String toString() {
            return "SigningKey[kid=" + kid + ", secret=" + ((secret != null && !secret.isBlank()) ? "(set)" : "(unset)")
                    + "]";
        }

    }

}
