package dev.jwtflights.auth;

import dev.jwtflights.system.TestClockConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.h2console.autoconfigure.H2ConsoleProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * For {@code @WebMvcTest}s: the application's real security chains and token service, with a movable clock. The test
 * declares a mock {@link BrowserSession} (the page chains need one) unless it exercises the pages.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, TokenService.class, TestClockConfiguration.class })
@EnableConfigurationProperties({ JwtProperties.class, H2ConsoleProperties.class })
public class WebSecurityTestConfiguration {

    /** Nobody can log in with a password here: these tests mint their tokens with the token service. */
    @Bean
    UserDetailsService userDetailsService() {
        return (username) -> {
            throw new UsernameNotFoundException("no users in this test");
        };
    }

}
