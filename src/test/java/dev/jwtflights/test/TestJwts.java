package dev.jwtflights.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds compact JWTs by hand, without jjwt, so that tests can present tokens that our token service would never
 * sign: other algorithms, other keys, missing or extra claims.
 */
public final class TestJwts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TestJwts() {
    }

    public static Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        return header;
    }

    /** Signs header and claims with HMAC ({@code HmacSHA256}, {@code HmacSHA384}, {@code HmacSHA512}). */
    public static String hmac(Map<String, Object> header, Map<String, Object> claims, String macAlgorithm,
            byte[] key) {
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + BASE64URL.encodeToString(mac(macAlgorithm, key, signingInput));
    }

    /** Signs a header and claims given as JSON text, exactly as written (for JSON no map can hold). */
    public static String hmacOfJson(String headerJson, String claimsJson, byte[] key) {
        String signingInput = BASE64URL.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + BASE64URL.encodeToString(mac("HmacSHA256", key, signingInput));
    }

    /** An unsigned token: header, claims, and an empty signature. */
    public static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
        return encode(header) + "." + encode(claims) + ".";
    }

    public static String encode(Map<String, Object> part) {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(part));
    }

    public static Map<String, Object> decodePart(String token, int index) {
        byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[index]);
        @SuppressWarnings("unchecked")
        Map<String, Object> part = JSON.readValue(json, Map.class);
        return part;
    }

    private static byte[] mac(String algorithm, byte[] key, String input) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
