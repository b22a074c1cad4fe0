package dev.jwtflights.tokens;

import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.io.DeserializationException;
import io.jsonwebtoken.io.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The JWT rules: how access tokens are signed and which ones are accepted. The only class that knows jjwt.
 * <p>
 * Beyond what jjwt checks (the HS256 signature, {@code iss}, {@code aud}, {@code exp} and {@code nbf} against the
 * clock), a token is refused when it is not exactly what we would have written: a signature that is not the canonical
 * unpadded base64url of its bytes; {@code exp}, {@code iat} or {@code nbf} that are not JSON numbers; a key that
 * appears twice in its header or claims; an {@code iat} in the future (beyond the clock skew); a lifetime
 * {@code exp - iat} longer than {@code app.jwt.access-token-ttl} (plus the skew). Each needs the key to be exploited,
 * but a verifier that reads loosely accepts tokens that no issuer of ours could have made.
 * <p>
 * The key: with {@code app.jwt.keys}, tokens are signed with the first key and carry its {@code kid}, and a token is
 * verified with the key its {@code kid} names, so that a new key can be added, made the signing one, and the old one
 * dropped without refusing a token that is still unexpired; a token without a {@code kid}, or with one that is not
 * listed, is refused. With {@code app.jwt.secret} (or a random key) there is one key, no {@code kid} is written, and
 * one in a token is not read: the one key verifies every token.
 */
@EnableConfigurationProperties(JwtProperties.class)
@Service
public class TokenService {

    /** Longer values are refused before any parsing: a real token of ours is well under 1 KB. */
    static final int MAX_TOKEN_LENGTH = 8192;

    static final String ALGORITHM = "HS256";

    /**
     * How many verified tokens are remembered (about 1 KB each): far more than one instance sees within an access
     * token's lifetime at the load it can serve.
     */
    static final int VERIFIED_TOKENS = 10_000;

    /** The claim that lists the user's roles ({@code ["ADMIN"]}). */
    public static final String ROLES_CLAIM = "roles";

    /** The claim that names the login session (the refresh-token family) a token belongs to. */
    static final String SESSION_CLAIM = "sid";

    /** The claim that says how the session was signed in to (RFC 8176: {@code ["pwd"]} or {@code ["swk"]}). */
    static final String AMR_CLAIM = "amr";

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    private final JwtProperties properties;

    private final Clock clock;

    /** The {@code kid} written in the header of the tokens signed, or {@code null} (no {@code kid}). */
    private final String keyId;

    private final SecretKey key;

    private final JwtParser parser;

    private final VerifiedTokens verified;

    @Autowired
    TokenService(JwtProperties properties, Clock clock) {
        this(properties, clock, VERIFIED_TOKENS);
    }

    TokenService(JwtProperties properties, Clock clock, int verifiedTokens) {
        this.properties = properties;
        this.clock = clock;
        VerificationKeys keys = verificationKeys(properties);
        this.keyId = properties.hasKeys() ? properties.keys().get(0).kid() : null;
        this.key = keys.signingKey(this.keyId);
        warnIfPlainHttp(properties.issuer());
        this.parser = Jwts.parser()
            .json(new StrictJson())
            .keyLocator(keys)
            .requireIssuer(properties.issuer())
            .requireAudience(properties.audience())
            .clock(() -> Date.from(clock.instant()))
            .clockSkewSeconds(properties.clockSkew().toSeconds())
            .build();
        this.verified = new VerifiedTokens(verifiedTokens, clock, properties.clockSkew());
    }

    /** RFC 8414 wants an https issuer; plain http is for this machine only. */
    private static void warnIfPlainHttp(String issuer) {
        URI uri = URI.create(issuer);
        if ("http".equals(uri.getScheme()) && !"localhost".equals(uri.getHost())
                && !"127.0.0.1".equals(uri.getHost()) && !"[::1]".equals(uri.getHost())) {
            log.warn("app.jwt.issuer is {}: plain http. Serve the application over https and set app.jwt.issuer to "
                    + "its https URL; OAuth clients may refuse an http issuer that is not on this machine.", issuer);
        }
    }

    private static VerificationKeys verificationKeys(JwtProperties properties) {
        if (properties.hasKeys()) {
            Map<String, SecretKey> keysById = new LinkedHashMap<>();
            for (JwtProperties.SigningKey key : properties.keys()) {
                keysById.put(key.kid(), hmacKey(key.secret()));
            }
            log.info("Signing access tokens with the key of kid '{}'; accepting those of the kids {} (app.jwt.keys)",
                    properties.keys().get(0).kid(), keysById.keySet());
            return new VerificationKeys(null, keysById);
        }
        if (properties.hasSecret()) {
            return new VerificationKeys(hmacKey(properties.secret()), Map.of());
        }
        log.warn("app.jwt.secret is not set (nor app.jwt.keys): signing access tokens with a random key made at "
                + "startup. Access tokens will not survive a restart (sessions will: the next page load refreshes). "
                + "Set APP_JWT_SECRET to at least 32 bytes to keep them.");
        return new VerificationKeys(Jwts.SIG.HS256.key().build(), Map.of());
    }

    private static SecretKey hmacKey(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The issuer of the access tokens ({@code app.jwt.issuer}): the application's own URL, an origin such as
     * {@code https://flights.example.com}, which the OAuth metadata names as the issuer and the resource.
     */
    public String issuer() {
        return this.properties.issuer();
    }

    /**
     * How long after its issue an access token is still accepted: its lifetime ({@code app.jwt.access-token-ttl})
     * plus the allowed clock skew. A session that ended longer ago than that has no access token left that works.
     */
    public Duration maxAcceptedAge() {
        return this.properties.accessTokenTtl().plus(this.properties.clockSkew());
    }

    /**
     * Signs a new access token for the given user and login session, signed in to with a password.
     */
    public AccessToken issue(String username, Collection<String> roles, String sessionId) {
        return issue(username, roles, sessionId, SignInMethod.PASSWORD);
    }

    /**
     * Signs a new access token for the given user and login session, saying how the session was signed in to.
     */
    public AccessToken issue(String username, Collection<String> roles, String sessionId, SignInMethod method) {
        return issue(username, roles, sessionId, method, Instant.MAX);
    }

    /**
     * Signs a new access token for the given user and login session, saying how the session was signed in to, that
     * expires after its usual lifetime or at {@code notAfter}, whichever comes first: a session's access token never
     * outlives the session itself.
     */
    public AccessToken issue(String username, Collection<String> roles, String sessionId, SignInMethod method,
            Instant notAfter) {
        Instant issuedAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant usual = issuedAt.plus(this.properties.accessTokenTtl());
        Instant expiresAt = usual.isAfter(notAfter) ? notAfter.truncatedTo(ChronoUnit.SECONDS) : usual;
        String id = UUID.randomUUID().toString();
        List<String> roleList = List.copyOf(roles);
        String value = Jwts.builder()
            .header().keyId(this.keyId).and()
            .issuer(this.properties.issuer())
            .audience().add(this.properties.audience()).and()
            .subject(username)
            .issuedAt(Date.from(issuedAt))
            .expiration(Date.from(expiresAt))
            .id(id)
            .claim(ROLES_CLAIM, roleList)
            .claim(SESSION_CLAIM, sessionId)
            .claim(AMR_CLAIM, List.of(method.amr()))
            .signWith(this.key, Jwts.SIG.HS256)
            .compact();
        return new AccessToken(value, id, username, sessionId, roleList, issuedAt, expiresAt, method);
    }

    /**
     * Verifies a compact JWT and returns what it carries. A token verified before, with exactly this text, is answered
     * from memory while it is unexpired ({@link VerifiedTokens}); whether its session has ended is not this method's
     * question: callers ask the revocation view on every request.
     * @throws InvalidTokenException for every token that is not one we signed, unexpired, for us
     */
    public AccessToken verify(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidTokenException("empty token");
        }
        if (value.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("oversized token (" + value.length() + " characters)");
        }
        AccessToken known = this.verified.find(value);
        if (known != null) {
            return known;
        }
        AccessToken token = parse(value);
        this.verified.add(token);
        return token;
    }

    /** The first check of a token: jjwt's, then ours. */
    private AccessToken parse(String value) {
        if (!hasCanonicalSignature(value)) {
            throw new InvalidTokenException("the signature is not canonical base64url");
        }
        Jws<Claims> jws;
        try {
            jws = this.parser.parseSignedClaims(value);
        }
        catch (ExpiredJwtException ex) {
            throw InvalidTokenException.expiredToken();
        }
        catch (JwtException | IllegalArgumentException ex) {
            throw new InvalidTokenException("refused by the JWT parser: " + ex.getClass().getSimpleName());
        }
        if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("algorithm is not " + ALGORITHM);
        }
        return accessToken(value, jws.getPayload());
    }

    private AccessToken accessToken(String value, Claims claims) {
        Date expiration = claims.getExpiration();
        if (expiration == null) {
            throw new InvalidTokenException("no exp claim");
        }
        Instant now = this.clock.instant();
        Duration skew = this.properties.clockSkew();
        if (!now.minus(skew).isBefore(expiration.toInstant())) {
            throw InvalidTokenException.expiredToken();
        }
        Date issuedAt = claims.getIssuedAt();
        String subject = claims.getSubject();
        String id = claims.getId();
        String sessionId = stringClaim(claims, SESSION_CLAIM);
        List<String> roles = roles(claims.get(ROLES_CLAIM));
        if (issuedAt == null || isBlank(subject) || isBlank(id) || isBlank(sessionId)) {
            throw new InvalidTokenException("a required claim (iat, sub, jti, sid) is missing");
        }
        if (issuedAt.toInstant().isAfter(now.plus(skew))) {
            throw new InvalidTokenException("issued in the future");
        }
        Duration lifetime = Duration.between(issuedAt.toInstant(), expiration.toInstant());
        if (lifetime.compareTo(this.properties.accessTokenTtl().plus(skew)) > 0) {
            throw new InvalidTokenException("a lifetime (exp - iat) longer than ours");
        }
        return new AccessToken(value, id, subject, sessionId, roles, issuedAt.toInstant(), expiration.toInstant(),
                signInMethod(claims.get(AMR_CLAIM)));
    }

    /**
     * The sign-in method of the {@code amr} claim: exactly one value of ours. A token without the claim was issued
     * before it existed, when every session was signed in to with a password.
     */
    private static SignInMethod signInMethod(Object claim) {
        if (claim == null) {
            return SignInMethod.PASSWORD;
        }
        if (!(claim instanceof Collection<?> values) || values.size() != 1
                || !(values.iterator().next() instanceof String amr)) {
            throw new InvalidTokenException("the amr claim is not an array of one string");
        }
        return SignInMethod.ofAmr(amr)
            .orElseThrow(() -> new InvalidTokenException("the amr claim holds a value that is not ours"));
    }

    /**
     * Whether the last part of a compact JWS is the canonical unpadded base64url of its bytes: no {@code =}, no
     * unused bits set in its last character, so that one signature has one spelling.
     */
    private static boolean hasCanonicalSignature(String value) {
        String signature = value.substring(value.lastIndexOf('.') + 1);
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(signature);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(signature);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static String stringClaim(Claims claims, String name) {
        Object claim = claims.get(name);
        return (claim instanceof String text) ? text : null;
    }

    private static List<String> roles(Object claim) {
        if (!(claim instanceof Collection<?> values)) {
            throw new InvalidTokenException("the roles claim is not an array");
        }
        for (Object role : values) {
            if (!(role instanceof String)) {
                throw new InvalidTokenException("the roles claim holds a value that is not a string");
            }
        }
        return values.stream().map(String.class::cast).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The keys that verify a token, as jjwt asks for them once it has read the header: with {@code app.jwt.keys}, the
     * one that the {@code kid} names (no {@code kid}, or one that is not listed, refuses the token); without, the one
     * key, whatever the header says. A refusal here is an {@link InvalidTokenException}, which jjwt lets through, so
     * that the log says why rather than the name of a jjwt exception.
     */
    private static final class VerificationKeys extends LocatorAdapter<Key> {

        /** The one key, when the keys have no ids; {@code null} with {@code app.jwt.keys}. */
        private final SecretKey onlyKey;

        private final Map<String, SecretKey> keysById;

        VerificationKeys(SecretKey onlyKey, Map<String, SecretKey> keysById) {
            this.onlyKey = onlyKey;
            this.keysById = Map.copyOf(keysById);
        }

        SecretKey signingKey(String keyId) {
            return (keyId != null) ? this.keysById.get(keyId) : this.onlyKey;
        }

        @Override
        protected Key locate(JwsHeader header) {
            if (this.onlyKey != null) {
                return this.onlyKey;
            }
            String keyId = header.getKeyId();
            if (keyId == null) {
                throw new InvalidTokenException("no kid in the header: with app.jwt.keys, every token names its key");
            }
            SecretKey key = this.keysById.get(keyId);
            if (key == null) {
                // Not the kid itself: the header is the sender's text, not ours to write into the log.
                throw new InvalidTokenException("a kid that app.jwt.keys does not list");
            }
            return key;
        }

    }

    /**
     * Reads a token's header and claims as jjwt's parser asks, but strictly: a key that appears twice is refused (the
     * last one would win), and so are the date claims when they are not JSON numbers (jjwt would read a string too).
     */
    private static final class StrictJson implements Deserializer<Map<String, ?>> {

        private static final List<String> NUMERIC_DATES = List.of("exp", "iat", "nbf");

        private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, ?> deserialize(Reader reader) {
            Map<String, Object> values;
            try {
                values = JSON.readValue(reader, Map.class);
            }
            catch (JacksonException ex) {
                throw new DeserializationException("not a JSON object with unique keys");
            }
            if (values == null) {
                throw new DeserializationException("not a JSON object");
            }
            for (String name : NUMERIC_DATES) {
                Object value = values.get(name);
                if (value != null && !(value instanceof Number)) {
                    throw new DeserializationException("'" + name + "' is not a JSON number");
                }
            }
            return values;
        }

        @Override
        @Deprecated
        public Map<String, ?> deserialize(byte[] bytes) {
            return deserialize(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8));
        }

    }

}
