package dev.jwtflights.users;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.jwtflights.throttle.LoginThrottledException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Times every username-and-password sign-in, of the login form and the token endpoint alike, as the timer
 * {@value #METER}{@code {outcome}} (Prometheus: {@code jwtflights_logins_seconds_count}, {@code _sum} and
 * {@code _max}): {@code succeeded}, {@code failed} (a wrong password, an unknown user, a disabled account),
 * {@code throttled} (refused before the password was checked) and {@code error} (it could not be checked). Every
 * outcome is registered at zero. No tag carries the username or the address.
 */
final class MeasuredAuthenticationManager implements AuthenticationManager {

    static final String METER = "jwtflights.logins";

    enum Outcome {

        SUCCEEDED, FAILED, THROTTLED, ERROR

    }

    private final AuthenticationManager signIn;

    private final MeterRegistry registry;

    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

    MeasuredAuthenticationManager(AuthenticationManager signIn, MeterRegistry registry) {
        this.signIn = signIn;
        this.registry = registry;
        for (Outcome outcome : Outcome.values()) {
            this.timers.put(outcome, Timer.builder(METER)
                .description("Username-and-password sign-ins, by outcome")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
            return this.signIn.authenticate(authentication);
        }
        Timer.Sample timing = Timer.start(this.registry);
        Outcome outcome = Outcome.ERROR;
        try {
            Authentication result = this.signIn.authenticate(authentication);
            outcome = Outcome.SUCCEEDED;
            return result;
        }
        catch (LoginThrottledException ex) {
            outcome = Outcome.THROTTLED;
            throw ex;
        }
        catch (BadCredentialsException | AccountStatusException ex) {
            outcome = Outcome.FAILED;
            throw ex;
        }
        finally {
            timing.stop(this.timers.get(outcome));
        }
    }

}
