package dev.jwtflights.auth;

import dev.jwtflights.system.TestClockConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.h2console.autoconfigure.H2ConsoleProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * For {@code @WebMvcTest}s: the application's real security chains and token service, with a movable clock. The test
 * declares a mock {@link BrowserSession} (the page chains need one) unless it exercises the pages.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, TokenService.class, TestClockConfiguration.class })
@EnableConfigurationProperties({ JwtProperties.class, H2ConsoleProperties.class })
public class WebSecurityTestConfiguration {

}
