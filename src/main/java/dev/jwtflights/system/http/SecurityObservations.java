package dev.jwtflights.system.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security's own observations are off: no timers or spans around each of its filters, authentications and
 * authorizations. Silencing them with an observation predicate (Boot's
 * {@code management.observations.enable.spring.security=false}) still wraps every filter of every chain in a no-op
 * observation on every request, the bearer path included; without them, the chains call their filters directly.
 * Every request is still timed, as {@code http.server.requests}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

}
