package dev.jwtflights.users;

import java.util.Map;

import dev.jwtflights.throttle.LoginThrottle;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are stored (BCrypt) and checked: one {@link AuthenticationManager} for the login form and for the
 * token endpoint alike. It publishes Spring Security's authentication events, which {@link SignInLog} writes down,
 * and it is throttled against password guessing ({@link LoginThrottle}), so neither caller logs or throttles sign-ins
 * itself.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The password check of {@link #passwordCheck}, behind the login throttle: an attempt that the throttle refuses
     * never reaches BCrypt. Each attempt is timed, by outcome ({@link MeasuredAuthenticationManager}).
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events, LoginThrottle throttle, MeterRegistry meters) {
        return new MeasuredAuthenticationManager(throttle.guard(passwordCheck(users, passwordEncoder, events)), meters);
    }

    /**
     * Checks usernames and passwords with the timing-attack protection of {@link DaoAuthenticationProvider}: an
     * unknown user costs a BCrypt check too, and so does a disabled one (Spring Security 7 checks the password before
     * it refuses the account), so nobody learns from the time of an answer which accounts exist or are disabled.
     */
    static AuthenticationManager passwordCheck(UserDetailsService users, PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        // The provider wraps a failing user lookup in this subclass, which the publisher does not map by itself.
        publisher.setAdditionalExceptionMappings(Map.of(InternalAuthenticationServiceException.class,
                AuthenticationFailureServiceExceptionEvent.class));
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }

}
