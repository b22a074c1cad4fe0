package dev.jwtflights.passkeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps what the server asked of the authenticator (the options, with their random challenge) from the first request
 * of a ceremony to the second, without an HTTP session and without tying the browser to one instance: in the
 * {@code passkey_ceremony} table that every instance shares, under a random key that the browser carries in a cookie of
 * its own ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} on HTTPS, for the ceremony's length). The table
 * keeps only the key's SHA-256, never the key.
 * <p>
 * Each key is good for one answer, on whichever instance it arrives: the second request takes the options out with a
 * {@code DELETE} whose row count decides, so of two answers with the same key (on one instance or two) only one finds
 * the options. Options older than {@link #LIFETIME} (the ceremony's timeout, by the injected clock) are refused, and
 * their rows deleted by {@link CeremonyPurge}. At most {@value #MAX_CEREMONIES} ceremonies are kept at once: a new one
 * beyond that first deletes the expired ones, then the oldest, as the in-memory cache before it did.
 */
final class CeremonyStore {

    /** How long a ceremony may take: the timeout Spring Security writes in the options. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    static final int MAX_CEREMONIES = 10_000;

    /** What a ceremony is, in the table's {@code kind} column. */
    enum Kind {

        SIGN_IN, REGISTRATION

    }

    private static final Logger log = LoggerFactory.getLogger(CeremonyStore.class);

    private static final int KEY_BYTES = 32;

    private static final String INSERT_SQL = "INSERT INTO passkey_ceremony (key_hash, kind, options, expires_at) "
            + "VALUES (?, ?, ?, ?)";

    private static final String SELECT_SQL = "SELECT options, expires_at FROM passkey_ceremony "
            + "WHERE key_hash = ? AND kind = ?";

    private static final String DELETE_SQL = "DELETE FROM passkey_ceremony WHERE key_hash = ?";

    private static final String DELETE_OLDEST_SQL = "DELETE FROM passkey_ceremony WHERE key_hash IN "
            + "(SELECT key_hash FROM passkey_ceremony ORDER BY expires_at LIMIT ?)";

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final Clock clock;

    private final int maxCeremonies;

    private final SecureRandom random = new SecureRandom();

    CeremonyStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this(jdbc, json, clock, MAX_CEREMONIES);
    }

    CeremonyStore(JdbcTemplate jdbc, JsonMapper json, Clock clock, int maxCeremonies) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.maxCeremonies = maxCeremonies;
    }

    /**
     * Keeps the options of a new ceremony under a new key, written to the cookie; with {@code null} ends the
     * request's ceremony (its row, if still there, and the cookie). A ceremony the request already had ends either
     * way.
     */
    void save(Kind kind, String cookieName, HttpServletRequest request, HttpServletResponse response, Object options) {
        key(cookieName, request).ifPresent((key) -> this.jdbc.update(DELETE_SQL, hash(key)));
        if (options == null) {
            write(cookieName, request, response, "", Duration.ZERO);
            return;
        }
        makeRoom();
        byte[] bytes = new byte[KEY_BYTES];
        this.random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.jdbc.update(INSERT_SQL, hash(key), kind.name(), this.json.writeValueAsString(options),
                OffsetDateTime.ofInstant(this.clock.instant().plus(LIFETIME), ZoneOffset.UTC));
        write(cookieName, request, response, key, LIFETIME);
    }

    /**
     * Takes the options of the request's ceremony out of the table: they are found once, by the first answer that
     * comes with the key, and only while the ceremony has not timed out.
     * @return the options, or {@code null} if the request has no key, or its ceremony is unknown, of another kind,
     * already answered or timed out
     */
    <T> T take(Kind kind, String cookieName, HttpServletRequest request, Class<T> type) {
        Optional<String> key = key(cookieName, request);
        if (key.isEmpty()) {
            return null;
        }
        String hash = hash(key.get());
        List<Stored> found = this.jdbc.query(SELECT_SQL, (row, i) -> new Stored(row.getString(1),
                row.getObject(2, OffsetDateTime.class).toInstant()), hash, kind.name());
        if (found.isEmpty() || this.jdbc.update(DELETE_SQL, hash) != 1) {
            return null;
        }
        Stored stored = found.get(0);
        if (!this.clock.instant().isBefore(stored.expiresAt())) {
            return null;
        }
        try {
            return this.json.readValue(stored.options(), type);
        }
        catch (JacksonException ex) {
            log.warn("Could not read the options of a passkey ceremony ({})", ex.getClass().getSimpleName());
            return null;
        }
    }

    /** Beyond the cap: first the ceremonies that timed out go, then the oldest, to make room for one more. */
    private void makeRoom() {
        Integer kept = this.jdbc.queryForObject("SELECT COUNT(*) FROM passkey_ceremony", Integer.class);
        if (kept == null || kept < this.maxCeremonies) {
            return;
        }
        int expired = CeremonyPurge.deleteExpired(this.jdbc, this.clock.instant());
        int excess = kept - expired - this.maxCeremonies + 1;
        if (excess > 0) {
            this.jdbc.update(DELETE_OLDEST_SQL, excess);
            log.warn("{} passkey ceremonies under way, the most kept: the {} oldest were forgotten", kept - expired,
                    excess);
        }
    }

    private static Optional<String> key(String cookieName, HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookieName.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static String hash(String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }

    private static void write(String cookieName, HttpServletRequest request, HttpServletResponse response,
            String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(cookieName, value)
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Strict")
            .path("/")
            .maxAge(maxAge)
            .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private record Stored(String options, Instant expiresAt) {
    }

}
