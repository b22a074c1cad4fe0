package dev.jwtflights.sessions;

import java.time.Duration;

import dev.jwtflights.test.CookieJarClient;
import dev.jwtflights.test.MutableClock;
import dev.jwtflights.test.TestClockConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;

/**
 * The session panel reads its session from the database once per access token: further views under the same token
 * read nothing, and the first view after a silent renewal reads the renewed session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class SessionPanelReadsIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    private MutableClock clock;

    @MockitoSpyBean
    private RefreshTokenService rules;

    @Test
    void pageViewsWhenTheSameAccessTokenThenOneReadAndARenewalReadsAgain() {
        CookieJarClient browser = CookieJarClient.signedIn(this.port, "secret", "secret");

        assertThat(browser.get("/flights").body()).contains("id=\"session-panel\"");
        assertThat(browser.get("/flights").body()).contains("id=\"session-panel\"");
        assertThat(browser.get("/flights").body()).contains("id=\"session-panel\"");
        then(this.rules).should(times(1)).describe(any());

        this.clock.advance(Duration.ofSeconds(61));
        String renewed = browser.get("/flights").body();

        then(this.rules).should(times(2)).describe(any());
        assertThat(renewed).containsPattern("id=\"renewals\"[^>]*>once<");
    }

}
