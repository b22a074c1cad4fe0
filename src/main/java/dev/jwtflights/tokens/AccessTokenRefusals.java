package dev.jwtflights.tokens;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the access tokens that a request presented and was refused, by reason, as the counter
 * {@value #METER}{@code {reason}} (in Prometheus {@code jwtflights_access_token_refusals_total}): {@code expired} (a
 * browser renews it silently; an API client asks for a new one), {@code invalid} (not ours, altered, malformed) and
 * {@code revoked} (ours and unexpired, but its session has ended). Each reason is registered at zero, so that a
 * dashboard sees it before it first happens. No tag carries a username, an address or a token.
 */
@Component
public class AccessTokenRefusals {

    static final String METER = "jwtflights.access.token.refusals";

    /** Why a presented access token was refused. */
    public enum Reason {

        /** Its lifetime is over. */
        EXPIRED,

        /** It is not a token we signed and would accept. */
        INVALID,

        /** Its session has ended. */
        REVOKED

    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    public AccessTokenRefusals(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            this.counters.put(reason, Counter.builder(METER)
                .description("Access tokens refused when a request presented them")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry));
        }
    }

    /** Counts a token that the token service refused. */
    public void refused(InvalidTokenException refusal) {
        refused(refusal.expired() ? Reason.EXPIRED : Reason.INVALID);
    }

    /** Counts a refusal. */
    public void refused(Reason reason) {
        this.counters.get(reason).increment();
    }

}
