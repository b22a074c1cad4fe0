package dev.jwtflights.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * A test that drives headless Chromium against the whole application on a random port, with the {@link MutableClock}
 * as the server's clock: "waiting past the access-token lifetime" is moving that clock. Every class with this
 * annotation shares one application context. Run by failsafe ({@code *BrowserTests}); skipped without Chromium
 * (see {@link Chromium}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "app.jwt.access-token-ttl=1m", "app.jwt.refresh-token-ttl=7d",
                "app.jwt.session-max-lifetime=30d", "app.jwt.refresh-reuse-grace=10s" })
@Import(TestClockConfiguration.class)
public @interface BrowserTest {

}
