package dev.jwtflights.test.revocation;

import dev.jwtflights.revocation.EndedSessions;
import org.mockito.Mockito;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For {@code @WebMvcTest}s: a revocation view in which no session has ended. What the filters do with an ended one is
 * tested with the real view, in the integration tests and the filters' own tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NoEndedSessions {

    @Bean
    EndedSessions endedSessions() {
        return Mockito.mock(EndedSessions.class);
    }

}
